package cn.jincheng.brigades.staffing.domain.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.staffing.domain.funding.Funding;
import cn.jincheng.brigades.staffing.domain.funding.FundingSource;
import cn.jincheng.brigades.staffing.domain.roster.Firefighter;
import cn.jincheng.brigades.staffing.domain.rules.RuleKind;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRule;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/**
 * The staffing and funding rules applied to one brigade: pure. Headcount is those active on the
 * evaluation day; funding counts only the payer the plan names for the brigade (county finance
 * unless the plan says otherwise, e.g. the town government for 三甲镇), against rate × max(required,
 * actual).
 */
public final class StaffingEngine {

    /** The outcome for one brigade; {@code tier} null means no rules apply (a deferred town). */
    public record Result(String brigadeId, String standard, boolean compliant, int headcount, int requiredHeadcount,
            FundingSource payer, long payerYuan, long requiredYuan, List<CheckResult> checks) {
    }

    private StaffingEngine() {
    }

    /** A brigade whose payer is the plan's default, county finance. */
    public static Result evaluate(StaffingRules rules, String brigadeId, String level, String tier,
            List<Firefighter> roster, List<Funding> funding, int year, LocalDate day) {
        return evaluate(rules, brigadeId, level, tier, FundingSource.COUNTY_FINANCE, roster, funding, year, day);
    }

    public static Result evaluate(StaffingRules rules, String brigadeId, String level, String tier, FundingSource payer,
            List<Firefighter> roster, List<Funding> funding, int year, LocalDate day) {
        int headcount = (int) roster.stream().filter(f -> f.activeOn(day)).count();
        long paid = funding.stream().filter(f -> f.year() == year && f.source() == payer)
                .mapToLong(Funding::amountYuan).sum();
        List<CheckResult> checks = new ArrayList<>();
        int required = 0;
        long requiredYuan = 0;
        if (tier != null) {
            required = rules.requiredHeadcount(level, tier);
            for (StaffingRule rule : rules.applicable(level, tier)) {
                if (rule.kind() == RuleKind.HEADCOUNT) {
                    checks.add(new CheckResult(rule.id(), rule.area(), rule.effectiveSeverity(),
                            "≥ " + rule.min() + " active full-time firefighters on " + day,
                            headcount + " active", headcount >= rule.min(), rule.source(), rule.sourceStatus(),
                            rule.promotionReason()));
                } else {
                    int basis = Math.max(required, headcount);
                    long needed = rule.rateYuan() * basis;
                    requiredYuan = Math.max(requiredYuan, needed);
                    checks.add(new CheckResult(rule.id(), rule.area(), rule.effectiveSeverity(),
                            "≥ " + needed + " yuan from " + payer + " for " + year + " (" + rule.rateYuan()
                                    + " × max(" + required + " required, " + headcount + " active))",
                            paid + " yuan from " + payer, paid >= needed, rule.source(),
                            rule.sourceStatus(), rule.promotionReason()));
                }
            }
        }
        boolean compliant = checks.stream().filter(c -> c.severity() == Severity.REQUIRED).allMatch(CheckResult::met);
        return new Result(brigadeId, rules.reference(), compliant, headcount, required, payer, paid, requiredYuan, checks);
    }
}
