package cn.jincheng.brigades.station.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * A milestone of a plan: due at the end of the phase it belongs to, for the modes listed.
 *
 * @param followsAcceptance true for the milestone that the year-end acceptance outcome sets; it
 *                          cannot be submitted or decided by hand
 * @param derived           true when the plan gives no such date and the product derived it (the
 *                          2019 plan's "再用三年时间" read as 2022-12-31, say); shown marked as derived
 * @param planWording       what the plan itself says about it, shown beside a derived date ("" if nothing)
 * @param optional          true for what the plan offers rather than asks ("可", may: the benchmark
 *                          study): recorded when done, never overdue on the supervision list
 */
public record MilestoneDefinition(String id, String name, LocalDate dueDate, Set<ConstructionMode> modes,
        boolean followsAcceptance, boolean derived, String planWording, boolean optional) {

    public MilestoneDefinition {
        modes = Set.copyOf(modes);
        planWording = planWording == null ? "" : planWording;
    }

    /** A milestone whose date the plan states. */
    public MilestoneDefinition(String id, String name, LocalDate dueDate, Set<ConstructionMode> modes,
            boolean followsAcceptance) {
        this(id, name, dueDate, modes, followsAcceptance, false, "", false);
    }

    public boolean appliesTo(ConstructionMode mode) {
        return modes.contains(mode);
    }
}
