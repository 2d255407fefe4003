package cn.jincheng.brigades.gateway.rest;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.station.v1.DecideMilestoneRequest;
import cn.jincheng.brigades.proto.station.v1.Decision;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListRequest;
import cn.jincheng.brigades.proto.station.v1.ListMilestonesRequest;
import cn.jincheng.brigades.proto.station.v1.SubmitMilestoneRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Milestones and supervision (api-v1.md, "Milestones and supervision"). */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Milestones and supervision")
class MilestoneController {

    private final StationClient station;
    private final StationRestMapper mapper;

    MilestoneController(StationClient station, StationRestMapper mapper) {
        this.station = station;
        this.mapper = mapper;
    }

    @Operation(summary = "A brigade's milestones; overdue is judged against asOf (default today)")
    @GetMapping("/brigades/{id}/milestones")
    Mono<Dtos.Items<Dtos.MilestoneDto>> milestones(Caller caller, @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ListMilestonesRequest.Builder request = ListMilestonesRequest.newBuilder().setBrigadeId(id);
        if (asOf != null) {
            request.setAsOf(ProtoTime.date(asOf));
        }
        return station.listMilestones(caller, request.build())
                .map(r -> new Dtos.Items<>(r.getMilestonesList().stream().map(mapper::milestone).toList()));
    }

    @Operation(summary = "The county submits a milestone with its evidence")
    @PostMapping(path = "/brigades/{id}/milestones/{milestoneId}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Dtos.MilestoneDto> submit(Caller caller, @PathVariable String id, @PathVariable String milestoneId,
            @RequestBody Dtos.Submission body) {
        return station.submitMilestone(caller, SubmitMilestoneRequest.newBuilder().setBrigadeId(id)
                .setMilestoneId(milestoneId).setEvidence(body.evidence() == null ? "" : body.evidence()).build())
                .map(mapper::milestone);
    }

    @Operation(summary = "The city accepts or rejects a submitted milestone")
    @PostMapping(path = "/brigades/{id}/milestones/{milestoneId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<Dtos.MilestoneDto> decide(Caller caller, @PathVariable String id, @PathVariable String milestoneId,
            @RequestBody Dtos.DecisionBody body) {
        if (body.decision() == null) {
            throw ApiException.invalid("decision", "is required: ACCEPT or REJECT");
        }
        Decision decision = RestEnums.parse(Decision.class, "DECISION_", body.decision(), "decision");
        return station.decideMilestone(caller, DecideMilestoneRequest.newBuilder().setBrigadeId(id)
                .setMilestoneId(milestoneId).setDecision(decision)
                .setComment(body.comment() == null ? "" : body.comment()).build())
                .map(mapper::milestone);
    }

    @Operation(summary = "Overdue milestones grouped by county, for the city's 13710 supervision system")
    @GetMapping("/supervision")
    Mono<Dtos.SupervisionDto> supervision(Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String county) {
        GetSupervisionListRequest.Builder request = GetSupervisionListRequest.newBuilder();
        if (asOf != null) {
            request.setAsOf(ProtoTime.date(asOf));
        }
        if (county != null) {
            request.setCountyId(county);
        }
        return station.supervision(caller, request.build()).map(mapper::supervision);
    }
}
