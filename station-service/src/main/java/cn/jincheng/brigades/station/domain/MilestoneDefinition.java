package cn.jincheng.brigades.station.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * A milestone of a plan: due at the end of the phase it belongs to, for the modes listed.
 *
 * @param followsAcceptance true for the milestone that the year-end acceptance outcome sets; it
 *                          cannot be submitted or decided by hand
 */
public record MilestoneDefinition(String id, String name, LocalDate dueDate, Set<ConstructionMode> modes,
        boolean followsAcceptance) {

    public MilestoneDefinition {
        modes = Set.copyOf(modes);
    }

    public boolean appliesTo(ConstructionMode mode) {
        return modes.contains(mode);
    }
}
