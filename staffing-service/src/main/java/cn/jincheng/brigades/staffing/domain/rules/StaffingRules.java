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
     * The headcount a brigade must have: the highest minimum of the headcount rules that apply and
     * are REQUIRED in effect (ADVISORY ones, such as the 15 of other places' rules, do not raise it).
     */
    public int requiredHeadcount(String level, String tier) {
        return applicable(level, tier).stream()
                .filter(r -> r.kind() == RuleKind.HEADCOUNT && r.effectiveSeverity() == Severity.REQUIRED)
                .mapToInt(StaffingRule::min).max().orElse(0);
    }
}
