package cn.jincheng.brigades.common.compliance;

/** A REQUIRED check decides compliance; an ADVISORY one only informs. */
public enum Severity {
    REQUIRED, ADVISORY
}
