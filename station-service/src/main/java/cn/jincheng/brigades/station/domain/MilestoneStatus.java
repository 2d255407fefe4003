package cn.jincheng.brigades.station.domain;

public enum MilestoneStatus {
    PENDING,
    SUBMITTED,
    ACCEPTED,
    REJECTED
}
