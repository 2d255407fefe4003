package cn.jincheng.brigades.gateway.report;

import java.time.Instant;
import java.util.List;

/**
 * One brigade's line of the acceptance report, in the REST contract's shape; {@code auditAnchors}
 * are the signed heads of the brigade's audit chains in each service when the report was made.
 */
public record ReportRow(String id, String county, String countyName, String town, String level,
        String constructionMode, Boolean compliant, List<String> failingChecks, InspectionSummary latestCounty,
        InspectionSummary latestCity, String outcome, boolean overridden, String problem,
        List<AuditAnchor> auditAnchors, Evidence evidence) {

    public ReportRow(String id, String county, String countyName, String town, String level, String constructionMode,
            Boolean compliant, List<String> failingChecks, InspectionSummary latestCounty, InspectionSummary latestCity,
            String outcome, boolean overridden, String problem) {
        this(id, county, countyName, town, level, constructionMode, compliant, failingChecks, latestCounty, latestCity,
                outcome, overridden, problem, List.of(), null);
    }

    public ReportRow withAnchors(List<AuditAnchor> anchors) {
        return new ReportRow(id, county, countyName, town, level, constructionMode, compliant, failingChecks,
                latestCounty, latestCity, outcome, overridden, problem, anchors, evidence);
    }

    public ReportRow withEvidence(Evidence counted) {
        return new ReportRow(id, county, countyName, town, level, constructionMode, compliant, failingChecks,
                latestCounty, latestCity, outcome, overridden, problem, auditAnchors, counted);
    }

    /** The brigade's evidence: how many attachments (not deleted) its records carry, and where to list them. */
    public record Evidence(long count, String url) {
    }

    public record InspectionSummary(String result, String inspector, Instant at, boolean overridden) {
    }

    /** A signed head of the brigade's chain in one service, and the same as a token for verify. */
    public record AuditAnchor(String service, long seq, String hash, Instant at, String keyId, String mac,
            String token) {
    }
}
