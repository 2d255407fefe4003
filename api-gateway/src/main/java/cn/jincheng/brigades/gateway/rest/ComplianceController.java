package cn.jincheng.brigades.gateway.rest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.station.v1.GetComplianceRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** A brigade's compliance (api-v1.md, "Compliance"), composed by station-service. */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Compliance")
class ComplianceController {

    private final StationClient station;
    private final EquipmentRestMapper mapper;

    ComplianceController(StationClient station, EquipmentRestMapper mapper) {
        this.station = station;
        this.mapper = mapper;
    }

    @Operation(summary = "Every check of the brigade for the year (default: the plan's year), each with its source")
    @GetMapping("/brigades/{id}/compliance")
    Mono<EquipmentDtos.ComplianceDto> compliance(Caller caller, @PathVariable String id,
            @RequestParam(required = false) Integer year) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ApiException.invalid("year", "must be between 2000 and 2100");
        }
        GetComplianceRequest.Builder request = GetComplianceRequest.newBuilder().setBrigadeId(id);
        if (year != null) {
            request.setYear(year);
        }
        return station.getCompliance(caller, request.build())
                .map(mapper::compliance);
    }
}
