package cn.jincheng.brigades.station.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A construction plan (e.g. Jincheng 2019): its milestones with their due dates. Data, not code:
 * another year or city is another plan document.
 */
public record Plan(String id, String city, int year, String source, LocalDate issuedOn,
        List<MilestoneDefinition> milestones, HousingStandard housing) {

    public Plan {
        milestones = List.copyOf(milestones);
        housing = housing == null ? HousingStandard.NONE : housing;
    }

    /** The plan's years: from its year to the last due date of its milestones (2019–2022 for 2019). */
    public boolean covers(int someYear) {
        int last = milestones.stream().mapToInt(m -> m.dueDate().getYear()).max().orElse(year);
        return someYear >= year && someYear <= last;
    }

    /** The plan's definition of a milestone, by its id. */
    public java.util.Optional<MilestoneDefinition> milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst();
    }

    /** A brigade joining this plan (seeded or imported): no housing recorded yet, the plan's milestones for its mode. */
    public Brigade newBrigade(String brigadeId, String countyId, String town, BrigadeLevel level, ConstructionMode mode,
            String partner, String situation) {
        return newBrigade(brigadeId, countyId, town, level, mode, partner, situation, FundingPayer.COUNTY_FINANCE);
    }

    /** As above, with the payer of its firefighters the plan names. */
    public Brigade newBrigade(String brigadeId, String countyId, String town, BrigadeLevel level, ConstructionMode mode,
            String partner, String situation, FundingPayer fundingPayer) {
        return new Brigade(brigadeId, id, countyId, town, level, mode, partner, situation, Housing.NONE, "", 1,
                milestonesFor(brigadeId, mode), List.of(), fundingPayer);
    }

    /** The milestones a brigade of this mode gets, due on the plan's dates. */
    public List<Milestone> milestonesFor(String brigadeId, ConstructionMode mode) {
        return milestonesFor(brigadeId, mode, 0);
    }

    /**
     * The milestones of a brigade that starts late (a deferred town activated on {@code start}):
     * the same set, with the plan's spacing kept and every date moved by the delay since the plan
     * was issued. A start on or before the issue date keeps the plan's dates.
     */
    public List<Milestone> milestonesStartingOn(String brigadeId, ConstructionMode mode, LocalDate start) {
        long delay = Math.max(0, ChronoUnit.DAYS.between(issuedOn, start));
        return milestonesFor(brigadeId, mode, delay);
    }

    private List<Milestone> milestonesFor(String brigadeId, ConstructionMode mode, long delayDays) {
        return milestones.stream()
                .filter(d -> d.appliesTo(mode))
                .map(d -> Milestone.pending(brigadeId, d.id(), d.name(), d.dueDate().plusDays(delayDays),
                        d.followsAcceptance()))
                .toList();
    }
}
