package cn.jincheng.brigades.staffing.domain.compliance;

/**
 * A brigade and the standard it meets in a year, as station-service knows them: its level and tier
 * (tier null: a deferred town, to which no staffing rules apply).
 */
public record BrigadeStandard(String brigadeId, String level, String tier) {
}
