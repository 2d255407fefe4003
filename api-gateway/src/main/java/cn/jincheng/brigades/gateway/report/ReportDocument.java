package cn.jincheng.brigades.gateway.report;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The JSON report's shape for the OpenAPI contract. {@link ReportWriters#json} streams it row by
 * row rather than building this object; the generated client's test reads the served report into
 * the generated model with unknown properties refused, so this and the writer cannot drift apart.
 */
@Schema(name = "AcceptanceReport")
public record ReportDocument(int year, List<ReportRow> brigades, List<CountyLine> counties) {

    /** One county's totals, with the city's outcome and the annual assessment (null until recorded). */
    @Schema(name = "AcceptanceReportCounty")
    public record CountyLine(String id, String name, int total, int accepted, int rejected, int pending, int deferred,
            int unavailable, String cityOutcome, String cityOutcomeNote, Integer assessmentYear,
            Double assessmentScore, String assessmentGrade) {
    }
}
