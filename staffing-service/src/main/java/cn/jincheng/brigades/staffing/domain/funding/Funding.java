package cn.jincheng.brigades.staffing.domain.funding;

import java.time.Instant;

/** One source's funding of one brigade for one year, in whole yuan. */
public record Funding(String brigadeId, String countyId, int year, FundingSource source, long amountYuan,
        String updatedBy, Instant updatedAt) {
}
