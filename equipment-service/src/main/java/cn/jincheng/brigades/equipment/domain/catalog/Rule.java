package cn.jincheng.brigades.equipment.domain.catalog;

import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;

/**
 * One rule of the catalog: what it counts, for which levels and tiers, the minimum (fixed plus
 * per firefighter), an optional maximum, and where it comes from.
 */
public record Rule(String id, Area area, Severity severity, RuleKind kind, List<String> levels, List<Tier> tiers,
        List<String> vehicleTypes, List<VehicleCategory> vehicleCategories, String itemCode, int min,
        int perFirefighter, Integer max, String description, String source, SourceStatus sourceStatus) {

    public Rule {
        levels = List.copyOf(levels);
        tiers = List.copyOf(tiers);
        vehicleTypes = vehicleTypes == null ? List.of() : List.copyOf(vehicleTypes);
        vehicleCategories = vehicleCategories == null ? List.of() : List.copyOf(vehicleCategories);
    }

    public boolean appliesTo(String level, Tier tier) {
        return levels.contains(level) && tiers.contains(tier);
    }

    /** The minimum for a brigade of this many firefighters. */
    public int minimumFor(int headcount) {
        return min + perFirefighter * headcount;
    }
}
