package cn.jincheng.brigades.gateway.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.gateway.backend.EquipmentClient;
import cn.jincheng.brigades.gateway.backend.StaffingClient;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.report.AnchorTokens;
import cn.jincheng.brigades.gateway.report.ReportRow;
import cn.jincheng.brigades.proto.audit.v1.AuditAnchor;
import cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signed heads of each brigade's audit chains, put on the report's rows (docs/adr/0010): a
 * printed or saved report then holds anchors the store cannot take back, which {@code GET
 * /api/v1/audit/verify?anchor=} checks the chains against later. Rows are taken a chunk at a time,
 * with one call per service per chunk. A service that cannot answer leaves its anchors off those
 * rows; the report itself still comes.
 */
@Component
class ReportAnchors {

    static final int CHUNK = 500;

    private final StationClient station;
    private final EquipmentClient equipment;
    private final StaffingClient staffing;

    ReportAnchors(StationClient station, EquipmentClient equipment, StaffingClient staffing) {
        this.station = station;
        this.equipment = equipment;
        this.staffing = staffing;
    }

    Flux<ReportRow> onto(Caller caller, Flux<ReportRow> rows) {
        return rows.buffer(CHUNK).concatMap(chunk -> {
            List<String> ids = chunk.stream().map(ReportRow::id).toList();
            return Mono.zip(heads(station.auditHeads(caller, ids)), heads(equipment.auditHeads(caller, ids)),
                    heads(staffing.auditHeads(caller, ids))).flatMapIterable(all -> {
                        Map<String, List<ReportRow.AuditAnchor>> byBrigade = new HashMap<>();
                        add(byBrigade, "station-service", all.getT1());
                        add(byBrigade, "equipment-service", all.getT2());
                        add(byBrigade, "staffing-service", all.getT3());
                        return chunk.stream().map(r -> r.withAnchors(byBrigade.getOrDefault(r.id(), List.of()))).toList();
                    });
        });
    }

    private static Mono<GetAuditHeadsResponse> heads(Mono<GetAuditHeadsResponse> call) {
        return call.onErrorReturn(GetAuditHeadsResponse.getDefaultInstance());
    }

    private static void add(Map<String, List<ReportRow.AuditAnchor>> byBrigade, String service, GetAuditHeadsResponse r) {
        for (AuditAnchor a : r.getHeadsList()) {
            byBrigade.computeIfAbsent(a.getBrigadeId(), b -> new ArrayList<>()).add(new ReportRow.AuditAnchor(service,
                    a.getSeq(), a.getHash(), ProtoTime.instant(a.getAt()), a.getKeyId(), a.getMac(),
                    AnchorTokens.format(service, a)));
        }
    }
}
