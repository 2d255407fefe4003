package cn.jincheng.brigades.gateway.rest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.identity.Caller;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.proto.station.v1.ListAuditEntriesRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** The audit trail (api-v1.md, "Audit"). Read-only: nothing in the API edits or deletes entries. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class AuditController {

    private final StationClient station;
    private final StationRestMapper mapper;

    AuditController(StationClient station, StationRestMapper mapper) {
        this.station = station;
        this.mapper = mapper;
    }

    @Operation(summary = "Every change to a brigade's data, newest first")
    @GetMapping("/audit")
    Mono<Dtos.Items<Dtos.AuditEntryDto>> audit(Caller caller, @RequestParam String brigade,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        ListAuditEntriesRequest.Builder request = ListAuditEntriesRequest.newBuilder().setBrigadeId(brigade);
        if (pageSize != null) {
            request.setPageSize(pageSize);
        }
        if (pageToken != null) {
            request.setPageToken(pageToken);
        }
        return station.listAuditEntries(caller, request.build())
                .map(r -> new Dtos.Items<>(r.getEntriesList().stream().map(mapper::audit).toList(),
                        r.getNextPageToken().isEmpty() ? null : r.getNextPageToken()));
    }
}
