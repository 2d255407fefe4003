package cn.jincheng.brigades.common.compliance;

/** Where a rule comes from. */
public enum SourceStatus {
    PLAN, STANDARD, EARLIER_STANDARD, REFERENCE
}
