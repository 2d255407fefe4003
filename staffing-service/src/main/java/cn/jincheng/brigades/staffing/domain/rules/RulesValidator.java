package cn.jincheng.brigades.staffing.domain.rules;

import java.util.HashSet;
import java.util.Set;

import cn.jincheng.brigades.common.domain.compliance.RuleStanding;
import cn.jincheng.brigades.common.domain.errors.Validator;

/**
 * Refuses rules that contradict themselves, with the reason per field, and a REQUIRED rule whose
 * source is neither the plan nor a verified standard unless the city administrator gives the reason
 * for promoting it.
 */
public final class RulesValidator {

    static final Set<String> LEVELS = Set.of("LEVEL_ONE", "LEVEL_TWO");
    static final Set<String> TIERS = Set.of("FULL", "REDUCED");
    /** Far above any township brigade's per-person funding: catches a misplaced digit. */
    public static final long MAX_RATE_YUAN = 10_000_000;

    private RulesValidator() {
    }

    public static void validate(StaffingRules rules) {
        Validator v = new Validator();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.rules().size(); i++) {
            StaffingRule r = rules.rules().get(i);
            String at = "rules[" + i + "]";
            v.notBlank(r.id(), at + ".id").check(r.id() == null || ids.add(r.id()), at + ".id", "duplicate " + r.id());
            v.check(r.area() != null, at + ".area", "is required").check(r.severity() != null, at + ".severity", "is required");
            v.check(r.kind() != null, at + ".kind", "is required: HEADCOUNT or FUNDING_PER_HEAD");
            v.notBlank(r.source(), at + ".source").check(r.sourceStatus() != null, at + ".sourceStatus", "is required");
            v.check(!RuleStanding.needsPromotion(r.severity(), r.sourceStatus()) || RuleStanding.promoted(r.promotionReason()),
                    at + ".promotionReason", RuleStanding.refusal(r.sourceStatus()));
            v.maxLength(r.promotionReason(), RuleStanding.MAX_REASON, at + ".promotionReason");
            v.check(!r.levels().isEmpty() && LEVELS.containsAll(r.levels()), at + ".levels",
                    "name LEVEL_ONE and/or LEVEL_TWO");
            v.check(!r.tiers().isEmpty() && TIERS.containsAll(r.tiers()), at + ".tiers", "name FULL and/or REDUCED");
            if (r.kind() == RuleKind.HEADCOUNT) {
                v.check(r.min() >= 1 && r.min() <= 1000, at + ".min", "a headcount rule asks for 1 to 1000 firefighters");
            } else if (r.kind() == RuleKind.FUNDING_PER_HEAD) {
                v.check(r.rateYuan() > 0 && r.rateYuan() <= MAX_RATE_YUAN, at + ".rateYuan",
                        "must be between 1 and " + MAX_RATE_YUAN + " yuan per firefighter per year");
            }
        }
        v.throwIfInvalid();
    }
}
