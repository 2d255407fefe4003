package cn.jincheng.brigades.equipment.catalog;

/** Where a rule comes from. */
public enum SourceStatus {
    PLAN, STANDARD, EARLIER_STANDARD, REFERENCE
}
