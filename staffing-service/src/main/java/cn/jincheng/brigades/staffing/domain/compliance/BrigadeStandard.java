package cn.jincheng.brigades.staffing.domain.compliance;

import cn.jincheng.brigades.staffing.domain.funding.FundingSource;

/**
 * A brigade and the standard it meets in a year, as station-service knows them: its level and tier
 * (tier null: a deferred town, to which no staffing rules apply) and who pays its firefighters by
 * the plan (county finance unless the plan names another payer).
 */
public record BrigadeStandard(String brigadeId, String level, String tier, FundingSource payer) {

    public BrigadeStandard {
        payer = payer == null ? FundingSource.COUNTY_FINANCE : payer;
    }

    /** A brigade the plan has county finance pay for. */
    public BrigadeStandard(String brigadeId, String level, String tier) {
        this(brigadeId, level, tier, FundingSource.COUNTY_FINANCE);
    }
}
