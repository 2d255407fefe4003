package cn.jincheng.brigades.gateway.report;

import java.time.Instant;
import java.util.List;

/** One brigade's line of the acceptance report, in the REST contract's shape. */
public record ReportRow(String id, String county, String countyName, String town, String level,
        String constructionMode, Boolean compliant, List<String> failingChecks, InspectionSummary latestCounty,
        InspectionSummary latestCity, String outcome, boolean overridden, String problem) {

    public record InspectionSummary(String result, String inspector, Instant at, boolean overridden) {
    }
}
