package cn.jincheng.brigades.staffing.grpc;

import java.util.List;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeRef;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.staffing.domain.compliance.BrigadeStandard;
import cn.jincheng.brigades.staffing.domain.compliance.StaffingEngine;
import cn.jincheng.brigades.staffing.domain.funding.FundingSource;

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
        List<BrigadeStandard> out = new java.util.ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            BrigadeRef b = refs.get(i);
            out.add(new BrigadeStandard(b.getBrigadeId(), b.getLevel(),
                    b.getTier().isEmpty() || b.getTier().equals(NO_TIER) ? null : b.getTier(),
                    payer(b.getFundingPayer(), "brigades[" + i + "].fundingPayer")));
        }
        return out;
    }

    /** The payer a brigade ref names; unset is the plan's default, county finance. */
    static FundingSource payer(cn.jincheng.brigades.proto.staffing.v1.FundingSource source, String field) {
        if (source == cn.jincheng.brigades.proto.staffing.v1.FundingSource.FUNDING_SOURCE_UNSPECIFIED) {
            return FundingSource.COUNTY_FINANCE;
        }
        if (source == cn.jincheng.brigades.proto.staffing.v1.FundingSource.UNRECOGNIZED) {
            throw new ValidationException(field, "must be one of " + List.of(FundingSource.values()));
        }
        return FundingSource.valueOf(source.name().substring("FUNDING_SOURCE_".length()));
    }

    static String tier(String tier) {
        return tier == null ? NO_TIER : tier;
    }

    /** The result; with {@code unmetOnly}, only its checks not met (the verdict is over all of them). */
    static BrigadeStaffing staffing(StaffingEngine.Result r, boolean unmetOnly) {
        var out = BrigadeStaffing.newBuilder().setBrigadeId(r.brigadeId()).setStandard(r.standard())
                .setCompliant(r.compliant()).setHeadcount(r.headcount());
        r.checks().stream().filter(c -> !unmetOnly || !c.met()).forEach(c -> out.addChecks(CheckProtos.check(c)));
        return out.build();
    }
}
