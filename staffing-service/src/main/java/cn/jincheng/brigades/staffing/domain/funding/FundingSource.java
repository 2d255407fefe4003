package cn.jincheng.brigades.staffing.domain.funding;

/**
 * Who pays a brigade's funding. The firefighter-funding rule counts only the payer the plan names
 * for the brigade: county finance by default (县级财政), the township (乡镇财政, the town government)
 * where the plan says so.
 */
public enum FundingSource {
    COUNTY_FINANCE,
    TOWNSHIP,
    ENTERPRISE,
    OTHER
}
