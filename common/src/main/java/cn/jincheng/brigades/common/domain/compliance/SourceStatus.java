package cn.jincheng.brigades.common.domain.compliance;

/** Where a rule comes from. */
public enum SourceStatus {
    PLAN, STANDARD, EARLIER_STANDARD, REFERENCE
}
