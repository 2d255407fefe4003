package cn.jincheng.brigades.staffing.domain.rules;

import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.RuleStanding;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;

/**
 * One staffing or funding rule, for the levels and tiers it names, with its source.
 *
 * @param promotionReason why the city administrator made a rule REQUIRED whose source may not fail a
 *                        brigade by itself (see {@link RuleStanding}); empty otherwise
 */
public record StaffingRule(String id, Area area, Severity severity, RuleKind kind, List<String> levels,
        List<String> tiers, int min, long rateYuan, String description, String source, SourceStatus sourceStatus,
        String promotionReason) {

    public StaffingRule {
        levels = List.copyOf(levels);
        tiers = List.copyOf(tiers);
        promotionReason = promotionReason == null ? "" : promotionReason;
    }

    /** A rule that was not promoted. */
    public StaffingRule(String id, Area area, Severity severity, RuleKind kind, List<String> levels, List<String> tiers,
            int min, long rateYuan, String description, String source, SourceStatus sourceStatus) {
        this(id, area, severity, kind, levels, tiers, min, rateYuan, description, source, sourceStatus, "");
    }

    public boolean appliesTo(String level, String tier) {
        return levels.contains(level) && tiers.contains(tier);
    }

    /** REQUIRED only if its source may fail a brigade or the city promoted it; otherwise ADVISORY. */
    public Severity effectiveSeverity() {
        return RuleStanding.effective(severity, sourceStatus, promotionReason);
    }
}
