package cn.jincheng.brigades.staffing.domain.rules;

import java.time.Instant;
import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.Severity;

/** A published version of the staffing and funding rules. */
public record StaffingRules(String id, int version, Instant publishedAt, String publishedBy, String note,
        List<StaffingRule> rules) {

    public StaffingRules {
        rules = List.copyOf(rules);
    }

    public String reference() {
        return id + "@" + version;
    }

    public List<StaffingRule> applicable(String level, String tier) {
        return rules.stream().filter(r -> r.appliesTo(level, tier)).toList();
    }

    /**
     * The headcount a brigade must have: the highest minimum of the REQUIRED headcount rules that
     * apply (ADVISORY ones, such as other provinces' 15, do not raise it).
     */
    public int requiredHeadcount(String level, String tier) {
        return applicable(level, tier).stream()
                .filter(r -> r.kind() == RuleKind.HEADCOUNT && r.severity() == Severity.REQUIRED)
                .mapToInt(StaffingRule::min).max().orElse(0);
    }
}
