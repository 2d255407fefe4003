package cn.jincheng.brigades.staffing.grpc;

import java.util.List;

import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeRef;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.staffing.domain.compliance.BrigadeStandard;
import cn.jincheng.brigades.staffing.domain.compliance.StaffingEngine;

/** Brigades to evaluate and their results ↔ staffing.v1. */
final class ComplianceProtos {

    /**
     * The tier station-service gives a deferred town, to which no rules apply; on the wire a
     * brigade ref may also leave the tier empty for that.
     */
    static final String NO_TIER = "NONE";

    private ComplianceProtos() {
    }

    static List<BrigadeStandard> standards(List<BrigadeRef> refs) {
        return refs.stream().map(b -> new BrigadeStandard(b.getBrigadeId(), b.getLevel(),
                b.getTier().isEmpty() || b.getTier().equals(NO_TIER) ? null : b.getTier())).toList();
    }

    static String tier(String tier) {
        return tier == null ? NO_TIER : tier;
    }

    static BrigadeStaffing staffing(StaffingEngine.Result r) {
        var out = BrigadeStaffing.newBuilder().setBrigadeId(r.brigadeId()).setStandard(r.standard())
                .setCompliant(r.compliant()).setHeadcount(r.headcount());
        r.checks().forEach(c -> out.addChecks(CheckProtos.check(c)));
        return out.build();
    }
}
