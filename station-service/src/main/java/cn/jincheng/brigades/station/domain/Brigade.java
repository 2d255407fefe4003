package cn.jincheng.brigades.station.domain;

import java.util.List;
import java.util.Optional;


/**
 * A township brigade: the aggregate station-service guards. Its milestones live inside it, so a
 * mode change and the milestones that follow it are one atomic write.
 *
 * @param version      the data version users see as the ETag: raised by every change of the brigade's
 *                     own fields (housing, partner, notes, mode), not by milestone transitions
 * @param fundingPayer who pays its firefighters by the plan (county finance unless the plan says otherwise)
 */
public record Brigade(String id, String planId, String countyId, String town, BrigadeLevel level,
        ConstructionMode mode, String partner, String situation, Housing housing, String notes,
        long version, List<Milestone> milestones, List<Inspection> inspections, FundingPayer fundingPayer) {

    /** A brigade the plan has county finance pay for. */
    public Brigade(String id, String planId, String countyId, String town, BrigadeLevel level, ConstructionMode mode,
            String partner, String situation, Housing housing, String notes, long version, List<Milestone> milestones,
            List<Inspection> inspections) {
        this(id, planId, countyId, town, level, mode, partner, situation, housing, notes, version, milestones,
                inspections, FundingPayer.COUNTY_FINANCE);
    }

    public Brigade {
        fundingPayer = fundingPayer == null ? FundingPayer.COUNTY_FINANCE : fundingPayer;
        milestones = List.copyOf(milestones);
        inspections = inspections == null ? List.of() : List.copyOf(inspections);
        partner = partner == null ? "" : partner;
        situation = situation == null ? "" : situation;
        notes = notes == null ? "" : notes;
    }

    public Optional<Milestone> milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst();
    }

    public Brigade withData(Housing newHousing, String newPartner, String newNotes) {
        return new Brigade(id, planId, countyId, town, level, mode, newPartner, situation, newHousing, newNotes,
                version + 1, milestones, inspections, fundingPayer);
    }

    public Brigade withMode(ConstructionMode newMode, List<Milestone> newMilestones) {
        return new Brigade(id, planId, countyId, town, level, newMode, partner, situation, housing, notes,
                version + 1, newMilestones, inspections, fundingPayer);
    }

    public Brigade withMilestone(Milestone changed) {
        List<Milestone> updated = milestones.stream()
                .map(m -> m.id().equals(changed.id()) ? changed : m)
                .toList();
        return new Brigade(id, planId, countyId, town, level, mode, partner, situation, housing, notes,
                version, updated, inspections, fundingPayer);
    }

    /** This brigade with one more inspection; the brigade's own data version does not change. */
    public Brigade withInspection(Inspection inspection) {
        List<Inspection> more = new java.util.ArrayList<>(inspections);
        more.add(inspection);
        return new Brigade(id, planId, countyId, town, level, mode, partner, situation, housing, notes,
                version, milestones, more, fundingPayer);
    }
}
