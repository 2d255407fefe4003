package cn.jincheng.brigades.equipment.catalog;

/** A REQUIRED check decides compliance; an ADVISORY one only informs. */
public enum Severity {
    REQUIRED, ADVISORY
}
