package cn.jincheng.brigades.station.domain;

/**
 * A filter over brigades; null fields match anything.
 *
 * @param afterId return brigades whose id sorts after this one (paging); null from the start
 */
public record BrigadeQuery(String countyId, BrigadeLevel level, ConstructionMode mode, String afterId) {
}
