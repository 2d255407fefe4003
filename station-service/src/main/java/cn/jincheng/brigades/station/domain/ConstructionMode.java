package cn.jincheng.brigades.station.domain;

/** How the plan builds a brigade. */
public enum ConstructionMode {
    /** 政府自筹建设 */
    SELF_BUILT,
    /** 政府与企业联建 */
    JOINT_ENTERPRISE,
    /** 因地制宜建设: reduced standard first, full standard within three years */
    ADAPTED,
    /** 暂不建设: no milestones until activated */
    DEFERRED,
    /** already built to a high standard: a benchmark brigade */
    EXISTING
}
