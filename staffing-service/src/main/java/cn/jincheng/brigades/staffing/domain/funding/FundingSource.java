package cn.jincheng.brigades.staffing.domain.funding;

/** Who pays a brigade's funding. */
public enum FundingSource {
    /** the only source that counts toward the firefighter-funding rule, as the plan says */
    COUNTY_FINANCE,
    TOWNSHIP,
    ENTERPRISE,
    OTHER
}
