package cn.jincheng.brigades.staffing.domain.rules;

import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;

/** One staffing or funding rule, for the levels and tiers it names, with its source. */
public record StaffingRule(String id, Area area, Severity severity, RuleKind kind, List<String> levels,
        List<String> tiers, int min, long rateYuan, String description, String source, SourceStatus sourceStatus) {

    public StaffingRule {
        levels = List.copyOf(levels);
        tiers = List.copyOf(tiers);
    }

    public boolean appliesTo(String level, String tier) {
        return levels.contains(level) && tiers.contains(tier);
    }
}
