package cn.jincheng.brigades.gateway.rest;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.station.v1.AssessmentGrade;
import cn.jincheng.brigades.proto.station.v1.CityOutcome;
import cn.jincheng.brigades.proto.station.v1.CountyAcceptance;
import cn.jincheng.brigades.proto.station.v1.GetCountyAcceptanceRequest;
import cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesRequest;
import cn.jincheng.brigades.proto.station.v1.RecordCountyOutcomeRequest;
import cn.jincheng.brigades.proto.station.v1.UpdateCountySummaryRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * The city's acceptance of each county's work (issue 19): the county's summary and long-term
 * mechanism, the city's outcome with the annual fire-work assessment. Versioned like brigades:
 * ETag on read, If-Match on write ("0" before anything was written). The roles are checked here
 * first and again by station-service.
 */
@RestController
@RequestMapping(path = "/api/v1/acceptance/{year}/counties")
@Tag(name = "Year-end acceptance")
class CountyAcceptanceController {

    record BrigadeResultsDto(int total, int accepted, int failed, int awaitingCity, int notInspected, int deferred) {
    }

    record CountyAcceptanceDto(int year, String county, String countyName, BrigadeResultsDto brigades, String summary,
            String longTermMechanism, String summaryBy, Instant summaryAt, String outcome, String outcomeNote,
            String outcomeBy, Instant outcomeAt, Integer assessmentYear, Double assessmentScore, String assessmentGrade,
            long version) {
    }

    record SummaryBody(String summary, String longTermMechanism) {
    }

    record OutcomeBody(String outcome, String note, Integer assessmentYear, Double assessmentScore,
            String assessmentGrade) {
    }

    private final StationClient station;

    CountyAcceptanceController(StationClient station) {
        this.station = station;
    }

    @Operation(operationId = "listCountyAcceptances", summary = "Every county of the caller's scope: its brigades' results (from their latest inspections), "
            + "the county's summary, the city's outcome (ACCEPTED 通过, NOT_ACCEPTED 不通过, RETURNED_FOR_REWORK 退回整改) "
            + "and the annual fire-work assessment")
    @GetMapping
    Mono<Dtos.Items<CountyAcceptanceDto>> list(Caller caller, @PathVariable int year) {
        checkYear(year);
        return station.listCountyAcceptances(caller, ListCountyAcceptancesRequest.newBuilder().setYear(year).build())
                .map(r -> new Dtos.Items<>(r.getCountiesList().stream().map(CountyAcceptanceController::dto).toList()));
    }

    @Operation(operationId = "getCountyAcceptance", summary = "One county's acceptance; the ETag carries its version (\"0\": nothing written yet)")
    @GetMapping("/{countyId}")
    Mono<ResponseEntity<CountyAcceptanceDto>> get(Caller caller, @PathVariable int year, @PathVariable String countyId) {
        checkYear(year);
        return station.getCountyAcceptance(caller, GetCountyAcceptanceRequest.newBuilder().setYear(year)
                .setCountyId(countyId).build()).map(CountyAcceptanceController::withETag);
    }

    @Operation(operationId = "putCountySummary", summary = "The county's summary and long-term mechanism (长效机制), by that county's clerk or CITY_ADMIN; "
            + "needs If-Match with the ETag last read")
    @PutMapping(path = "/{countyId}/summary", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CountyAcceptanceDto>> summary(Caller caller, @PathVariable int year,
            @PathVariable String countyId,
            @Parameter(description = "the ETag last read, e.g. \"0\"") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SummaryBody body) {
        checkYear(year);
        if (!caller.hasAnyRole(Role.CITY_ADMIN, Role.COUNTY_CLERK)) {
            throw ApiException.forbidden("role " + caller.role() + " may not write a county's acceptance summary");
        }
        long version = ETags.requiredVersionFromZero(ifMatch);
        return station.updateCountySummary(caller, UpdateCountySummaryRequest.newBuilder().setYear(year)
                .setCountyId(countyId).setExpectedVersion(version)
                .setSummary(body.summary() == null ? "" : body.summary())
                .setLongTermMechanism(body.longTermMechanism() == null ? "" : body.longTermMechanism()).build())
                .map(CountyAcceptanceController::withETag);
    }

    @Operation(operationId = "putCountyOutcome", summary = "The city's outcome for the county (CITY_INSPECTOR or CITY_ADMIN) with the annual assessment "
            + "(score 0–100 and/or grade EXCELLENT 优秀, GOOD 良好, PASS 合格, FAIL 不合格); ACCEPTED while some of the "
            + "county's brigades have no city PASS needs a note; needs If-Match")
    @PutMapping(path = "/{countyId}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<CountyAcceptanceDto>> outcome(Caller caller, @PathVariable int year,
            @PathVariable String countyId,
            @Parameter(description = "the ETag last read, e.g. \"0\"") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody OutcomeBody body) {
        checkYear(year);
        if (!caller.hasAnyRole(Role.CITY_ADMIN, Role.CITY_INSPECTOR)) {
            throw ApiException.forbidden("role " + caller.role() + " may not record the city's outcome for a county");
        }
        long version = ETags.requiredVersionFromZero(ifMatch);
        if (body.outcome() == null) {
            throw ApiException.invalid("outcome", "is required: ACCEPTED, NOT_ACCEPTED or RETURNED_FOR_REWORK");
        }
        RecordCountyOutcomeRequest.Builder request = RecordCountyOutcomeRequest.newBuilder().setYear(year)
                .setCountyId(countyId).setExpectedVersion(version)
                .setOutcome(RestEnums.parse(CityOutcome.class, "CITY_OUTCOME_", body.outcome(), "outcome"))
                .setNote(body.note() == null ? "" : body.note());
        if (body.assessmentGrade() != null) {
            request.setAssessmentGrade(RestEnums.parse(AssessmentGrade.class, "ASSESSMENT_GRADE_", body.assessmentGrade(),
                    "assessmentGrade"));
        }
        if (body.assessmentYear() != null) {
            request.setAssessmentYear(body.assessmentYear());
        }
        if (body.assessmentScore() != null) {
            request.setAssessmentScore(body.assessmentScore());
        }
        return station.recordCountyOutcome(caller, request.build()).map(CountyAcceptanceController::withETag);
    }

    static CountyAcceptanceDto dto(CountyAcceptance c) {
        var b = c.getBrigades();
        return new CountyAcceptanceDto(c.getYear(), c.getCountyId(), c.getCountyName(),
                new BrigadeResultsDto(b.getTotal(), b.getAccepted(), b.getFailed(), b.getAwaitingCity(),
                        b.getNotInspected(), b.getDeferred()),
                c.getSummary(), c.getLongTermMechanism(), emptyToNull(c.getSummaryBy()),
                c.hasSummaryAt() ? ProtoTime.instant(c.getSummaryAt()) : null,
                c.getOutcome() == CityOutcome.CITY_OUTCOME_UNSPECIFIED ? null : RestEnums.name(c.getOutcome(), "CITY_OUTCOME_"),
                c.getOutcomeNote(), emptyToNull(c.getOutcomeBy()),
                c.hasOutcomeAt() ? ProtoTime.instant(c.getOutcomeAt()) : null,
                c.hasAssessmentYear() ? c.getAssessmentYear() : null,
                c.hasAssessmentScore() ? c.getAssessmentScore() : null,
                c.getAssessmentGrade() == AssessmentGrade.ASSESSMENT_GRADE_UNSPECIFIED ? null
                        : RestEnums.name(c.getAssessmentGrade(), "ASSESSMENT_GRADE_"),
                c.getVersion());
    }

    static List<CountyAcceptanceDto> dtos(List<CountyAcceptance> list) {
        return list.stream().map(CountyAcceptanceController::dto).toList();
    }

    private static ResponseEntity<CountyAcceptanceDto> withETag(CountyAcceptance c) {
        return ResponseEntity.ok().eTag(ETags.of(c.getVersion())).body(dto(c));
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiException.invalid("year", "must be between 2000 and 2100");
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
