package cn.jincheng.brigades.gateway.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.gateway.backend.StaffingClient;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.staffing.v1.AddFirefighterRequest;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeRef;
import cn.jincheng.brigades.proto.staffing.v1.Certification;
import cn.jincheng.brigades.proto.staffing.v1.Employment;
import cn.jincheng.brigades.proto.staffing.v1.Firefighter;
import cn.jincheng.brigades.proto.staffing.v1.Funding;
import cn.jincheng.brigades.proto.staffing.v1.FundingSource;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.GetRulesRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersRequest;
import cn.jincheng.brigades.proto.staffing.v1.PutFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.RecordDepartureRequest;
import cn.jincheng.brigades.proto.staffing.v1.StaffingRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Firefighters and funding (api-v1.md, "Firefighters and funding"), and the county budget view. */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Firefighters and funding")
class StaffingController {

    record CertificationDto(String name, LocalDate expiresOn) {
    }

    record FirefighterDto(String id, String name, String employment, LocalDate startDate, LocalDate endDate,
            List<CertificationDto> certifications, boolean active) {
    }

    record NewFirefighter(String name, String employment, LocalDate startDate, LocalDate endDate,
            List<CertificationDto> certifications) {
    }

    record Roster(List<FirefighterDto> items, int activeCount, LocalDate asOf) {
    }

    record FundingBody(Long amountYuan, String source) {
    }

    record FundingDto(int year, String source, long amountYuan, String updatedBy, Instant updatedAt) {
    }

    record BrigadeFundingDto(String brigadeId, String tier, int headcount, int requiredHeadcount,
            @Schema(description = "From the brigade's payer (see payer) only") long allocatedYuan,
            long requiredYuan, long shortfallYuan,
            @Schema(description = "From sources other than the payer: shown, not counted") long otherSourcesYuan,
            @Schema(description = "Who pays by the plan: COUNTY_FINANCE unless the plan names another, e.g. TOWNSHIP")
            String payer) {
    }

    record CountyFundingDto(String county, int year, String rules, List<BrigadeFundingDto> items, long allocatedYuan,
            long requiredYuan, long shortfallYuan) {
    }

    record StaffingRuleDto(String id, String area, String severity, String kind, List<String> levels,
            List<String> tiers, int min, long rateYuan, String description, String source,
            @Schema(description = EquipmentDtos.SOURCE_STATUS) String sourceStatus,
            @Schema(description = EquipmentDtos.PROMOTION_REASON) String promotionReason) {
    }

    record StaffingRulesDto(String id, int version, Instant publishedAt, String publishedBy, String note,
            List<StaffingRuleDto> rules) {
    }

    private final StaffingClient staffing;
    private final StationClient station;

    StaffingController(StaffingClient staffing, StationClient station) {
        this.staffing = staffing;
        this.station = station;
    }

    @Operation(summary = "The roster, leavers included, each marked active on asOf (default today)")
    @GetMapping("/brigades/{id}/firefighters")
    Mono<Roster> roster(Caller caller, @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ListFirefightersRequest.Builder request = ListFirefightersRequest.newBuilder().setBrigadeId(id);
        if (asOf != null) {
            request.setAsOf(ProtoTime.date(asOf));
        }
        return staffing.firefighters(caller, request.build()).map(r -> new Roster(
                r.getFirefightersList().stream().map(StaffingController::firefighter).toList(), r.getActiveCount(), asOf));
    }

    @Operation(operationId = "addFirefighter", summary = "Add a full-time firefighter (no national ID numbers: the roster keeps none)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(path = "/brigades/{id}/firefighters", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<FirefighterDto>> add(Caller caller, @PathVariable String id, @RequestBody NewFirefighter body) {
        AddFirefighterRequest.Builder request = AddFirefighterRequest.newBuilder().setBrigadeId(id)
                .setName(body.name() == null ? "" : body.name());
        if (body.employment() != null) {
            request.setEmployment(RestEnums.parse(Employment.class, "EMPLOYMENT_", body.employment(), "employment"));
        }
        if (body.startDate() != null) {
            request.setStartDate(ProtoTime.date(body.startDate()));
        }
        if (body.endDate() != null) {
            request.setEndDate(ProtoTime.date(body.endDate()));
        }
        if (body.certifications() != null) {
            body.certifications().forEach(c -> {
                Certification.Builder b = Certification.newBuilder().setName(c.name() == null ? "" : c.name());
                if (c.expiresOn() != null) {
                    b.setExpiresOn(ProtoTime.date(c.expiresOn()));
                }
                request.addCertifications(b);
            });
        }
        return staffing.addFirefighter(caller, request.build()).map(f -> ResponseEntity
                .created(URI.create("/api/v1/brigades/" + id + "/firefighters/" + f.getId())).body(firefighter(f)));
    }

    @Operation(operationId = "firefighterLeaves", summary = "A firefighter leaves (the record stays, with its end date; default today)")
    @DeleteMapping("/brigades/{id}/firefighters/{firefighterId}")
    Mono<FirefighterDto> leave(Caller caller, @PathVariable String id, @PathVariable String firefighterId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate) {
        RecordDepartureRequest.Builder request = RecordDepartureRequest.newBuilder().setBrigadeId(id)
                .setFirefighterId(firefighterId);
        if (endDate != null) {
            request.setEndDate(ProtoTime.date(endDate));
        }
        return staffing.recordDeparture(caller, request.build()).map(StaffingController::firefighter);
    }

    @Operation(summary = "Set one source's funding of the brigade for a year (only COUNTY_FINANCE counts toward the rule)")
    @PutMapping(path = "/brigades/{id}/funding/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<FundingDto> putFunding(Caller caller, @PathVariable String id, @PathVariable int year,
            @RequestBody FundingBody body) {
        if (body.amountYuan() == null) {
            throw ApiException.invalid("amountYuan", "is required: whole yuan");
        }
        if (body.source() == null) {
            throw ApiException.invalid("source", "is required: one of " + RestEnums.names(FundingSource.class, "FUNDING_SOURCE_"));
        }
        return staffing.putFunding(caller, PutFundingRequest.newBuilder().setBrigadeId(id).setYear(year)
                .setSource(RestEnums.parse(FundingSource.class, "FUNDING_SOURCE_", body.source(), "source"))
                .setAmountYuan(body.amountYuan()).build()).map(StaffingController::funding);
    }

    @Operation(summary = "The brigade's funding, by year and source")
    @GetMapping("/brigades/{id}/funding")
    Mono<Dtos.Items<FundingDto>> funding(Caller caller, @PathVariable String id) {
        return staffing.funding(caller, id)
                .map(r -> new Dtos.Items<>(r.getFundingList().stream().map(StaffingController::funding).toList()));
    }

    @Operation(summary = "The county's budget for a year: per brigade the money of its payer by the plan (county "
            + "finance unless the plan names another) allocated, required, shortfall")
    @GetMapping("/counties/{county}/funding")
    Mono<CountyFundingDto> countyFunding(Caller caller, @PathVariable String county, @RequestParam int year) {
        // station-service knows the county's brigades and the standard each meets; staffing-service the money
        return station.brigadeStandards(caller, county, year)
                .flatMap(standards -> staffing.countyFunding(caller, GetCountyFundingRequest.newBuilder().setCountyId(county)
                        .setYear(year).addAllBrigades(standards.getBrigadesList().stream()
                                .map(b -> BrigadeRef.newBuilder().setBrigadeId(b.getBrigadeId()).setLevel(b.getLevel())
                                        .setTier(b.getTier().equals("NONE") ? "" : b.getTier())
                                        .setFundingPayer(payer(b.getFundingPayer())).build())
                                .toList()).build()))
                .map(r -> new CountyFundingDto(r.getCountyId(), r.getYear(), r.getRules(), r.getBrigadesList().stream()
                        .map(b -> new BrigadeFundingDto(b.getBrigadeId(), b.getTier(), b.getHeadcount(),
                                b.getRequiredHeadcount(), b.getAllocatedYuan(), b.getRequiredYuan(), b.getShortfallYuan(),
                                b.getOtherSourcesYuan(), RestEnums.name(b.getPayer(), "FUNDING_SOURCE_"))).toList(),
                        r.getAllocatedYuan(), r.getRequiredYuan(), r.getShortfallYuan()));
    }

    @Operation(operationId = "staffingRules", summary = "The staffing and funding rules in force, with the source of each")
    @GetMapping("/standards/staffing")
    Mono<StaffingRulesDto> rules(Caller caller) {
        return staffing.rules(caller, GetRulesRequest.getDefaultInstance()).map(StaffingController::rules);
    }

    record RulesPublication(Integer basedOnVersion, String note, List<StaffingRuleDto> rules) {
    }

    @Operation(operationId = "publishStaffingRules", summary = "Publish a new version of the staffing and funding rules (the whole set; CITY_ADMIN)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(path = "/standards/staffing", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<StaffingRulesDto>> publishRules(Caller caller, @RequestBody RulesPublication body) {
        var request = cn.jincheng.brigades.proto.staffing.v1.PublishRulesRequest.newBuilder()
                .setBasedOnVersion(body.basedOnVersion() == null ? 0 : body.basedOnVersion())
                .setNote(body.note() == null ? "" : body.note());
        List<StaffingRuleDto> rules = body.rules() == null ? List.of() : body.rules();
        for (int i = 0; i < rules.size(); i++) {
            StaffingRuleDto r = rules.get(i);
            String at = "rules[" + i + "]";
            request.addRules(cn.jincheng.brigades.proto.staffing.v1.Rule.newBuilder().setId(nz(r.id()))
                    .setArea(required(cn.jincheng.brigades.proto.compliance.v1.ComplianceArea.class, "COMPLIANCE_AREA_",
                            r.area(), at + ".area"))
                    .setSeverity(required(cn.jincheng.brigades.proto.compliance.v1.Severity.class, "SEVERITY_",
                            r.severity(), at + ".severity"))
                    .setKind(required(cn.jincheng.brigades.proto.staffing.v1.RuleKind.class, "RULE_KIND_", r.kind(),
                            at + ".kind"))
                    .addAllLevels(r.levels() == null ? List.of() : r.levels())
                    .addAllTiers(r.tiers() == null ? List.of() : r.tiers()).setMin(r.min()).setRateYuan(r.rateYuan())
                    .setDescription(nz(r.description())).setSource(nz(r.source()))
                    .setSourceStatus(required(cn.jincheng.brigades.proto.compliance.v1.SourceStatus.class,
                            "SOURCE_STATUS_", r.sourceStatus(), at + ".sourceStatus"))
                    .setPromotionReason(nz(r.promotionReason())));
        }
        return staffing.publishRules(caller, request.build()).map(r -> ResponseEntity.status(201).body(rules(r)));
    }

    private static <E extends Enum<E> & com.google.protobuf.ProtocolMessageEnum> E required(Class<E> type, String prefix,
            String value, String field) {
        if (value == null) {
            throw ApiException.invalid(field, "is required: one of " + RestEnums.names(type, prefix));
        }
        return RestEnums.parse(type, prefix, value, field);
    }

    /** A payer as station-service names it; none is the plan's default, county finance. */
    private static FundingSource payer(String name) {
        return name.isEmpty() ? FundingSource.FUNDING_SOURCE_COUNTY_FINANCE
                : FundingSource.valueOf("FUNDING_SOURCE_" + name);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static FirefighterDto firefighter(Firefighter f) {
        return new FirefighterDto(f.getId(), f.getName(), RestEnums.name(f.getEmployment(), "EMPLOYMENT_"),
                ProtoTime.localDate(f.getStartDate()),
                f.hasEndDate() ? ProtoTime.localDate(f.getEndDate()) : null,
                f.getCertificationsList().stream().map(c -> new CertificationDto(c.getName(),
                        c.hasExpiresOn() ? ProtoTime.localDate(c.getExpiresOn()) : null)).toList(),
                f.getActive());
    }

    private static FundingDto funding(Funding f) {
        return new FundingDto(f.getYear(), RestEnums.name(f.getSource(), "FUNDING_SOURCE_"), f.getAmountYuan(),
                f.getUpdatedBy(), ProtoTime.instant(f.getUpdatedAt()));
    }

    private static StaffingRulesDto rules(StaffingRules r) {
        return new StaffingRulesDto(r.getId(), r.getVersion(), r.hasPublishedAt() ? ProtoTime.instant(r.getPublishedAt()) : null,
                r.getPublishedBy(), r.getNote(), r.getRulesList().stream().map(x -> new StaffingRuleDto(x.getId(),
                        RestEnums.name(x.getArea(), "COMPLIANCE_AREA_"), RestEnums.name(x.getSeverity(), "SEVERITY_"),
                        RestEnums.name(x.getKind(), "RULE_KIND_"), x.getLevelsList(), x.getTiersList(), x.getMin(),
                        x.getRateYuan(), x.getDescription(), x.getSource(),
                        RestEnums.name(x.getSourceStatus(), "SOURCE_STATUS_"), x.getPromotionReason())).toList());
    }

}
