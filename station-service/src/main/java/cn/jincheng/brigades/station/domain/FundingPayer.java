package cn.jincheng.brigades.station.domain;

/**
 * Who pays a brigade's firefighters by the plan: county finance (县级财政) unless the plan names
 * another payer, as Jincheng's 2019 plan does for 三甲镇 ("经费由镇政府承担": the town government,
 * i.e. township finance). The names are staffing-service's funding sources.
 */
public enum FundingPayer {
    COUNTY_FINANCE, TOWNSHIP, ENTERPRISE, OTHER;

    /** The payer a seed file or stored document names; none is the plan's default, county finance. */
    public static FundingPayer orDefault(String name) {
        return name == null || name.isBlank() ? COUNTY_FINANCE : valueOf(name);
    }
}
