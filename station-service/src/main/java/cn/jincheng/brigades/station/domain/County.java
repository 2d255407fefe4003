package cn.jincheng.brigades.station.domain;

/** A county, county-level city or district of the plan's city. */
public record County(String id, String name, String kind) {
}
