package cn.jincheng.brigades.common.domain.compliance;

/** A REQUIRED check decides compliance; an ADVISORY one only informs. */
public enum Severity {
    REQUIRED, ADVISORY
}
