package cn.jincheng.brigades.staffing.domain.compliance;

/**
 * One brigade's line in a county's budget: its evaluation (county finance allocated, required) and
 * what other sources gave. {@code tier} null: a deferred town, nothing required.
 */
public record BudgetLine(String brigadeId, String tier, StaffingEngine.Result result, long otherSourcesYuan) {

    public long allocatedYuan() {
        return result.countyFinanceYuan();
    }

    public long requiredYuan() {
        return result.requiredYuan();
    }

    /** What county finance still owes; other sources do not make up for it. */
    public long shortfallYuan() {
        return Math.max(0, result.requiredYuan() - result.countyFinanceYuan());
    }
}
