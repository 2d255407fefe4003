package cn.jincheng.brigades.staffing.funding;

public enum FundingSource {
    /** the only source that counts toward the firefighter-funding rule, as the plan says */
    COUNTY_FINANCE,
    TOWNSHIP,
    ENTERPRISE,
    OTHER
}
