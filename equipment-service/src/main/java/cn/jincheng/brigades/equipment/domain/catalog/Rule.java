package cn.jincheng.brigades.equipment.domain.catalog;

import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.RuleStanding;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;

/**
 * One rule of the catalog: what it counts, for which levels and tiers, the minimum (fixed plus
 * per firefighter), an optional maximum, and where it comes from.
 *
 * @param excludedVehicleTypes VEHICLE_COUNT: types never counted, even when their category is
 *                             (e.g. "another firefighting vehicle" besides the water tanker)
 * @param promotionReason      why the city administrator made a rule REQUIRED whose source may not
 *                             fail a brigade by itself (see {@link RuleStanding}); empty otherwise
 */
public record Rule(String id, Area area, Severity severity, RuleKind kind, List<String> levels, List<Tier> tiers,
        List<String> vehicleTypes, List<VehicleCategory> vehicleCategories, String itemCode, int min,
        int perFirefighter, Integer max, String description, String source, SourceStatus sourceStatus,
        List<String> excludedVehicleTypes, String promotionReason) {

    public Rule {
        levels = List.copyOf(levels);
        tiers = List.copyOf(tiers);
        vehicleTypes = vehicleTypes == null ? List.of() : List.copyOf(vehicleTypes);
        vehicleCategories = vehicleCategories == null ? List.of() : List.copyOf(vehicleCategories);
        excludedVehicleTypes = excludedVehicleTypes == null ? List.of() : List.copyOf(excludedVehicleTypes);
        promotionReason = promotionReason == null ? "" : promotionReason;
    }

    /** A rule that excludes no vehicle type and was not promoted. */
    public Rule(String id, Area area, Severity severity, RuleKind kind, List<String> levels, List<Tier> tiers,
            List<String> vehicleTypes, List<VehicleCategory> vehicleCategories, String itemCode, int min,
            int perFirefighter, Integer max, String description, String source, SourceStatus sourceStatus) {
        this(id, area, severity, kind, levels, tiers, vehicleTypes, vehicleCategories, itemCode, min, perFirefighter, max,
                description, source, sourceStatus, List.of(), "");
    }

    public boolean appliesTo(String level, Tier tier) {
        return levels.contains(level) && tiers.contains(tier);
    }

    /** The minimum for a brigade of this many firefighters. */
    public int minimumFor(int headcount) {
        return min + perFirefighter * headcount;
    }

    /** REQUIRED only if its source may fail a brigade or the city promoted it; otherwise ADVISORY. */
    public Severity effectiveSeverity() {
        return RuleStanding.effective(severity, sourceStatus, promotionReason);
    }

    /** This rule with the severity it has in effect (an unpromoted REQUIRED REFERENCE rule becomes ADVISORY). */
    public Rule withEffectiveSeverity() {
        Severity effective = effectiveSeverity();
        return effective == severity ? this
                : new Rule(id, area, effective, kind, levels, tiers, vehicleTypes, vehicleCategories, itemCode, min,
                        perFirefighter, max, description, source, sourceStatus, excludedVehicleTypes, promotionReason);
    }
}
