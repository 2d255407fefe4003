package cn.jincheng.brigades.gateway.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.grpc.AuditPages;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.EquipmentClient;
import cn.jincheng.brigades.gateway.backend.StaffingClient;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.gateway.report.AnchorTokens;
import cn.jincheng.brigades.proto.audit.v1.AuditEntry;
import cn.jincheng.brigades.proto.audit.v1.AuditFault;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * The audit trail (api-v1.md, "Audit"): every change to a brigade's data, whichever service holds
 * it, merged newest first. The trail is only shown whole: if a service cannot answer, the answer is
 * a 503 naming it rather than a trail with silent gaps. Read-only: nothing in the API edits entries.
 */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Audit")
class AuditController {

    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator
            .comparing((AuditEntry e) -> ProtoTime.instant(e.getAt())).thenComparing(AuditEntry::getId).reversed();

    private final StationClient station;
    private final EquipmentClient equipment;
    private final StaffingClient staffing;
    private final StationRestMapper mapper;

    AuditController(StationClient station, EquipmentClient equipment, StaffingClient staffing,
            StationRestMapper mapper) {
        this.station = station;
        this.equipment = equipment;
        this.staffing = staffing;
        this.mapper = mapper;
    }

    @Operation(summary = "Every change to a brigade's data (housing, milestones, inspections, vehicles, equipment, "
            + "checks, drills, firefighters, funding), newest first")
    @GetMapping("/audit")
    Mono<Dtos.Items<Dtos.AuditEntryDto>> audit(Caller caller, @RequestParam String brigade,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        int size = pageSize == null ? AuditPages.DEFAULT_PAGE_SIZE : pageSize;
        if (size < 1 || size > AuditPages.MAX_PAGE_SIZE) {
            throw ApiException.invalid("pageSize", "must be between 1 and " + AuditPages.MAX_PAGE_SIZE);
        }
        ListAuditEntriesRequest.Builder request = ListAuditEntriesRequest.newBuilder().setBrigadeId(brigade)
                .setPageSize(size);
        if (pageToken != null) {
            request.setPageToken(pageToken);
        }
        ListAuditEntriesRequest each = request.build();
        // station first: it answers 404/403 for the brigade before the others are asked
        return station.listAuditEntries(caller, each).flatMap(own -> Mono.zip(
                equipment.listAuditEntries(caller, each), staffing.listAuditEntries(caller, each))
                .map(others -> merge(size, List.of(own, others.getT1(), others.getT2()))));
    }

    /** {@code fault}: EDITED, DELETED, REORDERED, TRUNCATED or WRONG_KEY (docs/adr/0010). */
    record BrokenDto(String brigadeId, long seq, String entryId, String reason, String fault) {
    }

    record ChainDto(String service, boolean verified, long entries, long chains, BrokenDto brokenAt) {
    }

    record VerificationDto(boolean verified, List<ChainDto> services) {
    }

    static final int MAX_ANCHORS = 1000;
    private static final List<String> SERVICES = List.of("station-service", "equipment-service", "staffing-service");

    @Operation(summary = "Re-check every audit chain in every service (CITY_ADMIN, CITY_INSPECTOR); names the first "
            + "entry that does not verify and the kind of fault (EDITED, DELETED, REORDERED, TRUNCATED, WRONG_KEY), "
            + "against the stored anchors and the anchors given (anchor=, repeatable: tokens from an acceptance report)")
    @GetMapping("/audit/verify")
    Mono<VerificationDto> verify(Caller caller, @RequestParam(name = "anchor", required = false) List<String> anchor) {
        Map<String, VerifyAuditChainRequest.Builder> requests = new HashMap<>();
        SERVICES.forEach(s -> requests.put(s, VerifyAuditChainRequest.newBuilder()));
        List<String> given = anchor == null ? List.of() : anchor;
        if (given.size() > MAX_ANCHORS) {
            throw ApiException.invalid("anchor", "at most " + MAX_ANCHORS + " anchors");
        }
        for (String token : given) {
            AnchorTokens.Parsed parsed;
            try {
                parsed = AnchorTokens.parse(token);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("anchor", e.getMessage());
            }
            if (!requests.containsKey(parsed.service())) {
                throw ApiException.invalid("anchor", "names no service of this system: '" + parsed.service() + "'");
            }
            requests.get(parsed.service()).addAnchors(parsed.anchor());
        }
        return Mono.zip(station.verifyAuditChain(caller, requests.get("station-service").build()),
                equipment.verifyAuditChain(caller, requests.get("equipment-service").build()),
                staffing.verifyAuditChain(caller, requests.get("staffing-service").build())).map(all -> {
                    List<ChainDto> services = List.of(chain("station-service", all.getT1()),
                            chain("equipment-service", all.getT2()), chain("staffing-service", all.getT3()));
                    return new VerificationDto(services.stream().allMatch(ChainDto::verified), services);
                });
    }

    private static ChainDto chain(String service, VerifyAuditChainResponse r) {
        return new ChainDto(service, r.getVerified(), r.getEntries(), r.getChains(), r.hasBroken()
                ? new BrokenDto(r.getBroken().getBrigadeId(), r.getBroken().getSeq(), r.getBroken().getEntryId(),
                        r.getBroken().getReason(), r.getBroken().getFault() == AuditFault.AUDIT_FAULT_UNSPECIFIED ? null
                                : r.getBroken().getFault().name().substring("AUDIT_FAULT_".length()))
                : null);
    }

    private Dtos.Items<Dtos.AuditEntryDto> merge(int size, List<ListAuditEntriesResponse> trails) {
        List<AuditEntry> all = new ArrayList<>();
        boolean more = false;
        for (ListAuditEntriesResponse trail : trails) {
            all.addAll(trail.getEntriesList());
            more |= !trail.getNextPageToken().isEmpty();
        }
        all.sort(NEWEST_FIRST);
        List<AuditEntry> page = all.subList(0, Math.min(size, all.size()));
        more |= all.size() > size;
        String next = more && !page.isEmpty()
                ? AuditPages.token(ProtoTime.instant(page.get(page.size() - 1).getAt()), page.get(page.size() - 1).getId())
                : null;
        return new Dtos.Items<>(page.stream().map(mapper::audit).toList(), next);
    }
}
