package cn.jincheng.brigades.station.domain.compliance;

import cn.jincheng.brigades.station.domain.BrigadeLevel;
import cn.jincheng.brigades.station.domain.FundingPayer;

/**
 * A brigade as another service's area needs it: level and tier pick the rules; {@code headcount}
 * (null if not known) sizes equipment's per-firefighter rules; {@code fundingPayer} is whose money
 * the funding rule counts.
 */
public record AreaRef(String brigadeId, BrigadeLevel level, Tier tier, Integer headcount, FundingPayer fundingPayer) {

    public AreaRef {
        fundingPayer = fundingPayer == null ? FundingPayer.COUNTY_FINANCE : fundingPayer;
    }

    /** A brigade the plan has county finance pay for. */
    public AreaRef(String brigadeId, BrigadeLevel level, Tier tier, Integer headcount) {
        this(brigadeId, level, tier, headcount, FundingPayer.COUNTY_FINANCE);
    }
}
