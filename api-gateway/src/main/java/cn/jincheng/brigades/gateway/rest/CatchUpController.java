package cn.jincheng.brigades.gateway.rest;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.proto.station.v1.CatchUp;
import cn.jincheng.brigades.proto.station.v1.GetCatchUpRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** An ADAPTED brigade's catch-up to the full standard (issue 19), composed by station-service. */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Compliance")
class CatchUpController {

    record YearDto(int year, LocalDate dueDate, boolean derived, String status) {
    }

    record CatchUpDto(String brigadeId, LocalDate dueDate, boolean derived, LocalDate evaluatedOn, int evaluatedYear,
            List<String> standards, boolean fullStandardMet, List<EquipmentDtos.ComplianceCheck> gaps,
            List<YearDto> years) {
    }

    private final StationClient station;
    private final EquipmentRestMapper checks;

    CatchUpController(StationClient station, EquipmentRestMapper checks) {
        this.station = station;
        this.checks = checks;
    }

    @Operation(summary = "An ADAPTED brigade's gap to the FULL standard, evaluated now, and its year-end checkpoints "
            + "to the full-standard deadline (2022-12-31 for the 2019 plan: derived from 再用三年时间, marked derived) "
            + "with status MET, OVERDUE, DUE or NOT_YET_DUE on the business clock; 409 for a brigade of another mode")
    @GetMapping("/brigades/{id}/catch-up")
    Mono<CatchUpDto> catchUp(Caller caller, @PathVariable String id) {
        return station.getCatchUp(caller, GetCatchUpRequest.newBuilder().setBrigadeId(id).build()).map(this::dto);
    }

    private CatchUpDto dto(CatchUp c) {
        return new CatchUpDto(c.getBrigadeId(), ProtoTime.localDate(c.getDueDate()), c.getDueDateDerived(),
                ProtoTime.localDate(c.getEvaluatedOn()), c.getEvaluatedYear(), c.getStandardsList(),
                c.getFullStandardMet(), c.getGapsList().stream().map(checks::complianceCheck).toList(),
                c.getYearsList().stream().map(y -> new YearDto(y.getYear(), ProtoTime.localDate(y.getDueDate()),
                        y.getDerived(), y.getStatus())).toList());
    }
}
