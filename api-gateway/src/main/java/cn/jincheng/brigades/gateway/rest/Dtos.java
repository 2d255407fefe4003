package cn.jincheng.brigades.gateway.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import tools.jackson.databind.JsonNode;

/** The JSON shapes of api-v1.md. Field names are the contract: add, never rename. */
final class Dtos {

    private Dtos() {
    }

    record Items<T>(List<T> items, String nextPageToken) {
        Items(List<T> items) {
            this(items, null);
        }
    }

    record CountyDto(String id, String name, String kind, int brigadeCount) {
    }

    record HousingDto(Double floorAreaM2, Double siteAreaM2, Integer garageBays, List<String> rooms) {
    }

    record BrigadeDto(String id, String county, String countyName, String town, String level,
            String constructionMode, String partner, String situation, HousingDto housing, String notes,
            long version, String planId,
            @Schema(description = "Who pays its firefighters by the plan: COUNTY_FINANCE (the default) or, where the "
                    + "plan says so, TOWNSHIP (the town government, as for 三甲镇)") String fundingPayer) {
    }

    /** PATCH body: only housing, partner and notes are editable; anything else is refused. */
    record BrigadePatch(HousingDto housing, String partner, @Schema(example = "营房主体完工") String notes) {
    }

    record ModeChange(String constructionMode, String reason, LocalDate effectiveDate) {
    }

    /**
     * A milestone; {@code derived} marks a due date the plan does not state (the product's reading),
     * with {@code planWording}, what the plan says instead (null for a stated date); {@code optional}
     * marks what the plan offers rather than asks ("可", may: the benchmark study), never overdue.
     */
    record MilestoneDto(String id, String name, LocalDate dueDate, String status, boolean overdue, String evidence,
            String submittedBy, Instant submittedAt, String decisionComment, String decidedBy, Instant decidedAt,
            long version, boolean derived, String planWording, boolean optional) {
    }

    record Submission(String evidence) {
    }

    record DecisionBody(String decision, String comment) {
    }

    record OverdueDto(String brigadeId, String town, String milestoneId, String name, LocalDate dueDate,
            String status, int daysOverdue) {
    }

    record CountyOverdueDto(String county, String countyName, List<OverdueDto> milestones) {
    }

    record SupervisionDto(LocalDate asOf, List<CountyOverdueDto> items) {
    }

    record AuditEntryDto(String id, String brigadeId, Instant at, String actor, String role, String action,
            JsonNode before, JsonNode after, JsonNode request) {
    }
}
