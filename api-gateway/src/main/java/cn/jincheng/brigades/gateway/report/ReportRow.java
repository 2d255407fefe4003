package cn.jincheng.brigades.gateway.report;

import java.time.Instant;
import java.util.List;

/** One brigade's line of the acceptance report, in the REST contract's shape. */
public record ReportRow(String id, String county, String countyName, String town, String level,
        String constructionMode, Boolean compliant, List<String> failingChecks, InspectionSummary latestCounty,
        InspectionSummary latestCity, String outcome, boolean overridden, String problem, Evidence evidence) {

    /** A row whose evidence is not known (a service that keeps some did not answer). */
    public ReportRow(String id, String county, String countyName, String town, String level, String constructionMode,
            Boolean compliant, List<String> failingChecks, InspectionSummary latestCounty, InspectionSummary latestCity,
            String outcome, boolean overridden, String problem) {
        this(id, county, countyName, town, level, constructionMode, compliant, failingChecks, latestCounty, latestCity,
                outcome, overridden, problem, null);
    }

    /** The brigade's evidence: how many attachments (not deleted) its records carry, and where to list them. */
    public record Evidence(long count, String url) {
    }

    public record InspectionSummary(String result, String inspector, Instant at, boolean overridden) {
    }
}
