package cn.jincheng.brigades.station.domain;

public record CountySummary(County county, int brigadeCount) {
}
