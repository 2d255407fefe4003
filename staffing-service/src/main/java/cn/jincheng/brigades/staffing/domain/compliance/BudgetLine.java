package cn.jincheng.brigades.staffing.domain.compliance;

import cn.jincheng.brigades.staffing.domain.funding.FundingSource;

/**
 * One brigade's line in a county's budget: its evaluation (what the payer the plan names allocated,
 * what is required) and what other sources gave. {@code tier} null: a deferred town, nothing required.
 */
public record BudgetLine(String brigadeId, String tier, StaffingEngine.Result result, long otherSourcesYuan) {

    public FundingSource payer() {
        return result.payer();
    }

    public long allocatedYuan() {
        return result.payerYuan();
    }

    public long requiredYuan() {
        return result.requiredYuan();
    }

    /** What the payer still owes; other sources do not make up for it. */
    public long shortfallYuan() {
        return Math.max(0, result.requiredYuan() - result.payerYuan());
    }
}
