package cn.jincheng.brigades.gateway.rest;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.gateway.report.CountyAcceptanceRow;
import cn.jincheng.brigades.gateway.report.ReportDocument;
import cn.jincheng.brigades.gateway.report.ReportRow;
import cn.jincheng.brigades.proto.station.v1.AssessmentGrade;
import cn.jincheng.brigades.proto.station.v1.CityOutcome;
import cn.jincheng.brigades.proto.station.v1.CountyAcceptance;
import cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesRequest;
import cn.jincheng.brigades.gateway.report.ReportWriters;
import cn.jincheng.brigades.proto.station.v1.AcceptanceRow;
import cn.jincheng.brigades.proto.station.v1.GetAcceptanceReportRequest;
import cn.jincheng.brigades.proto.station.v1.Inspection;
import cn.jincheng.brigades.proto.station.v1.InspectionResult;
import cn.jincheng.brigades.proto.station.v1.InspectionStage;
import cn.jincheng.brigades.proto.station.v1.InspectionSummary;
import cn.jincheng.brigades.proto.station.v1.ListInspectionsRequest;
import cn.jincheng.brigades.proto.station.v1.RecordInspectionRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Year-end acceptance (api-v1.md, "Year-end acceptance"): inspections and the report and its files. */
@RestController
@RequestMapping(path = "/api/v1/acceptance/{year}")
@Tag(name = "Year-end acceptance")
class AcceptanceController {

    record InspectionBody(@Schema(example = "COUNTY", allowableValues = { "COUNTY", "CITY" }) String stage,
            @Schema(example = "FAIL", allowableValues = { "PASS", "FAIL" }) String result,
            @Schema(example = "营房未竣工") String notes, String overrideReason) {
    }

    record SnapshotDto(boolean compliant, String tier, List<String> standards, List<EquipmentDtos.ComplianceCheck> checks) {
    }

    record InspectionDto(String id, String brigadeId, int year, String stage, String result, String notes,
            String overrideReason, boolean overridden, String inspector, String role, Instant at, SnapshotDto snapshot) {
    }

    private final StationClient station;
    private final cn.jincheng.brigades.gateway.backend.AttachmentClient attachments;
    private final EquipmentRestMapper checks;
    private final ReportWriters writers;
    private final Duration reportDeadline;
    private final ReportAnchors anchors;

    AcceptanceController(StationClient station, cn.jincheng.brigades.gateway.backend.AttachmentClient attachments,
            EquipmentRestMapper checks, ReportWriters writers,
            @Value("${brigades.resilience.report-deadline:120s}") Duration reportDeadline, ReportAnchors anchors) {
        this.anchors = anchors;
        this.station = station;
        this.attachments = attachments;
        this.checks = checks;
        this.writers = writers;
        this.reportDeadline = reportDeadline;
    }

    @Operation(operationId = "recordInspection", summary = "Record a county (stage COUNTY) or city (stage CITY) inspection with the compliance snapshot taken now")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(path = "/brigades/{id}/inspections", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<InspectionDto>> inspect(Caller caller, @PathVariable int year, @PathVariable String id,
            @RequestBody InspectionBody body) {
        checkYear(year);
        if (body.stage() == null) {
            throw ApiException.invalid("stage", "is required: COUNTY or CITY");
        }
        if (body.result() == null) {
            throw ApiException.invalid("result", "is required: PASS or FAIL");
        }
        RecordInspectionRequest request = RecordInspectionRequest.newBuilder().setBrigadeId(id).setYear(year)
                .setStage(RestEnums.parse(InspectionStage.class, "INSPECTION_STAGE_", body.stage(), "stage"))
                .setResult(RestEnums.parse(InspectionResult.class, "INSPECTION_RESULT_", body.result(), "result"))
                .setNotes(body.notes() == null ? "" : body.notes())
                .setOverrideReason(body.overrideReason() == null ? "" : body.overrideReason()).build();
        return station.recordInspection(caller, request).map(i -> ResponseEntity
                .created(URI.create("/api/v1/acceptance/" + year + "/brigades/" + id + "/inspections/" + i.getId()))
                .body(inspection(i)));
    }

    @Operation(operationId = "listInspections", summary = "The brigade's inspections of the year, in the order they were recorded")
    @GetMapping(path = "/brigades/{id}/inspections")
    Mono<Dtos.Items<InspectionDto>> inspections(Caller caller, @PathVariable int year, @PathVariable String id) {
        checkYear(year);
        return station.listInspections(caller, ListInspectionsRequest.newBuilder().setBrigadeId(id).setYear(year).build())
                .map(r -> new Dtos.Items<>(r.getInspectionsList().stream().map(this::inspection).toList()));
    }

    @Operation(operationId = "acceptanceReport", summary = "The year's report: every brigade with its outcome, and per-county totals with the city's "
            + "outcome per county and the annual assessment; format=json (default), csv (UTF-8 with BOM) or xlsx "
            + "(a sheet 县级验收 for the county section); section=counties with csv gives the county section alone")
    @ApiResponse(responseCode = "200", description = "The report, in the format asked for", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReportDocument.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")) })
    @GetMapping("/report")
    Mono<ResponseEntity<Flux<DataBuffer>>> report(Caller caller, @PathVariable int year,
            @RequestParam(defaultValue = "json") String format, @RequestParam(required = false) String county,
            @RequestParam(required = false) String section, ServerWebExchange exchange) {
        checkYear(year);
        if (section != null && !(section.equals("brigades") || section.equals("counties") && format.equals("csv"))) {
            throw ApiException.invalid("section", "must be brigades, or counties with format=csv");
        }
        Mono<List<CountyAcceptanceRow>> counties = countySection(caller, year, county);
        if ("counties".equals(section)) {
            return Mono.just(ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("acceptance-" + year + "-counties.csv").build().toString())
                    .body(writers.csvCounties(counties, exchange.getResponse().bufferFactory())));
        }
        GetAcceptanceReportRequest.Builder request = GetAcceptanceReportRequest.newBuilder().setYear(year);
        if (county != null) {
            request.setCountyId(county);
        }
        // each row with the signed heads of the brigade's audit chains (docs/adr/0010) and its evidence count
        Flux<ReportRow> rows = evidenceCounts(caller, county).flatMapMany(counts -> anchors.onto(caller, station
                .acceptanceReport(caller, request.build(), reportDeadline).map(r -> withEvidence(row(r), counts))));
        var buffers = exchange.getResponse().bufferFactory();
        return switch (format) {
            case "json" -> Mono.just(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(writers.json(year, rows, counties, buffers)));
            case "csv" -> Mono.just(ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(year, "csv"))
                    .body(writers.csv(rows, buffers)));
            case "xlsx" -> writers.xlsx(rows, counties).map(file -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(year, "xlsx"))
                    .body(DataBufferUtils.read(file, buffers, 64 * 1024).doFinally(s -> deleteQuietly(file))));
            default -> throw ApiException.invalid("format", "must be json, csv or xlsx");
        };
    }

    /**
     * The county section: one call for the (few) counties, made once the rows are out. If it fails,
     * the report still comes, each county's outcome marked UNAVAILABLE, as rows are.
     */
    private Mono<List<CountyAcceptanceRow>> countySection(Caller caller, int year, String county) {
        return station.listCountyAcceptances(caller, ListCountyAcceptancesRequest.newBuilder().setYear(year).build())
                .map(r -> r.getCountiesList().stream().filter(c -> county == null || c.getCountyId().equals(county))
                        .map(AcceptanceController::countyRow).toList())
                .onErrorResume(e -> station.listCounties(caller).map(all -> all.getCountiesList().stream()
                        .filter(c -> county == null || c.getId().equals(county))
                        .map(c -> new CountyAcceptanceRow(c.getId(), c.getName(), c.getBrigadeCount(), 0, 0, 0, 0, 0,
                                "UNAVAILABLE", "", null, null, null, "", "")).toList())
                        .onErrorReturn(List.of()));
    }

    private static CountyAcceptanceRow countyRow(CountyAcceptance c) {
        var b = c.getBrigades();
        return new CountyAcceptanceRow(c.getCountyId(), c.getCountyName(), b.getTotal(), b.getAccepted(), b.getFailed(),
                b.getAwaitingCity(), b.getNotInspected(), b.getDeferred(),
                c.getOutcome() == CityOutcome.CITY_OUTCOME_UNSPECIFIED ? null : RestEnums.name(c.getOutcome(), "CITY_OUTCOME_"),
                c.getOutcomeNote(), c.hasAssessmentYear() ? c.getAssessmentYear() : null,
                c.hasAssessmentScore() ? c.getAssessmentScore() : null,
                c.getAssessmentGrade() == AssessmentGrade.ASSESSMENT_GRADE_UNSPECIFIED ? null
                        : RestEnums.name(c.getAssessmentGrade(), "ASSESSMENT_GRADE_"),
                c.getSummary(), c.getLongTermMechanism());
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiException.invalid("year", "must be between 2000 and 2100");
        }
    }

    private static String attachment(int year, String extension) {
        return ContentDisposition.attachment().filename("acceptance-" + year + "." + extension).build().toString();
    }

    private static void deleteQuietly(Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a temp file left behind is removed with the temp directory
        }
    }

    private InspectionDto inspection(Inspection i) {
        return new InspectionDto(i.getId(), i.getBrigadeId(), i.getYear(), RestEnums.name(i.getStage(), "INSPECTION_STAGE_"),
                RestEnums.name(i.getResult(), "INSPECTION_RESULT_"), i.getNotes(),
                i.getOverrideReason().isEmpty() ? null : i.getOverrideReason(), i.getOverridden(), i.getInspector(),
                i.getRole(), ProtoTime.instant(i.getAt()), new SnapshotDto(i.getSnapshot().getCompliant(), i.getSnapshot().getTier(),
                        i.getSnapshot().getStandardsList(),
                        i.getSnapshot().getChecksList().stream().map(checks::complianceCheck).toList()));
    }

    /**
     * Attachments per brigade, from both services that keep evidence: one call each for the whole
     * report. If either does not answer, the counts are unknown (empty) rather than too low.
     */
    private Mono<java.util.Optional<java.util.Map<String, Long>>> evidenceCounts(Caller caller, String county) {
        return Flux.merge(attachments.count(cn.jincheng.brigades.gateway.backend.Backend.STATION, caller, county),
                attachments.count(cn.jincheng.brigades.gateway.backend.Backend.EQUIPMENT, caller, county))
                .reduce(new java.util.HashMap<String, Long>(), (all, r) -> {
                    r.getCountsMap().forEach((brigade, n) -> all.merge(brigade, n, Long::sum));
                    return all;
                })
                .map(all -> java.util.Optional.<java.util.Map<String, Long>>of(all))
                .onErrorReturn(java.util.Optional.empty());
    }

    private static ReportRow withEvidence(ReportRow r, java.util.Optional<java.util.Map<String, Long>> counts) {
        return counts.map(c -> r.withEvidence(
                new ReportRow.Evidence(c.getOrDefault(r.id(), 0L), "/api/v1/brigades/" + r.id() + "/attachments")))
                .orElse(r);
    }

    private static ReportRow row(AcceptanceRow r) {
        return new ReportRow(r.getBrigadeId(), r.getCountyId(), r.getCountyName(), r.getTown(),
                RestEnums.name(r.getLevel(), StationRestMapper.LEVEL), RestEnums.name(r.getConstructionMode(), StationRestMapper.MODE),
                r.hasCompliant() ? r.getCompliant() : null, r.getFailingChecksList(),
                r.hasLatestCounty() ? summary(r.getLatestCounty()) : null,
                r.hasLatestCity() ? summary(r.getLatestCity()) : null, RestEnums.name(r.getOutcome(), "OUTCOME_"),
                (r.hasLatestCounty() && r.getLatestCounty().getOverridden())
                        || (r.hasLatestCity() && r.getLatestCity().getOverridden()),
                r.getProblem().isEmpty() ? null : r.getProblem());
    }

    private static ReportRow.InspectionSummary summary(InspectionSummary s) {
        return new ReportRow.InspectionSummary(RestEnums.name(s.getResult(), "INSPECTION_RESULT_"), s.getInspector(),
                ProtoTime.instant(s.getAt()), s.getOverridden());
    }

}
