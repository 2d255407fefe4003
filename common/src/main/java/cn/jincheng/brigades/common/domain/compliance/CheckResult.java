package cn.jincheng.brigades.common.domain.compliance;

/**
 * One rule checked against one brigade, in the contract's shape, by whichever service owns the area.
 * {@code severity} is the rule's effective one ({@link RuleStanding}); {@code promotionReason} is
 * why the city made a rule REQUIRED that would otherwise be ADVISORY (empty when it was not promoted).
 */
public record CheckResult(String rule, Area area, Severity severity, String required, String actual, boolean met,
        String source, SourceStatus sourceStatus, String promotionReason) {

    public CheckResult {
        promotionReason = promotionReason == null ? "" : promotionReason;
    }

    /** A check of a rule that was not promoted. */
    public CheckResult(String rule, Area area, Severity severity, String required, String actual, boolean met,
            String source, SourceStatus sourceStatus) {
        this(rule, area, severity, required, actual, met, source, sourceStatus, "");
    }
}
