package cn.jincheng.brigades.common.domain.compliance;

/** One rule checked against one brigade, in the contract's shape, by whichever service owns the area. */
public record CheckResult(String rule, Area area, Severity severity, String required, String actual, boolean met,
        String source, SourceStatus sourceStatus) {
}
