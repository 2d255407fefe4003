package cn.jincheng.brigades.equipment.grpc;

import static cn.jincheng.brigades.equipment.grpc.ProtoEnums.optionalFromProto;

import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.equipment.domain.catalog.Tier;
import cn.jincheng.brigades.equipment.domain.compliance.BrigadeRef;
import cn.jincheng.brigades.equipment.domain.compliance.ComplianceService;
import cn.jincheng.brigades.equipment.domain.compliance.Evaluation;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeCompliance;
import cn.jincheng.brigades.proto.equipment.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.equipment.v1.ExpiringItem;

/** Compliance questions and answers ↔ equipment.v1. */
final class ComplianceProtoMapper {

    private ComplianceProtoMapper() {
    }

    /** The brigades to evaluate; an unspecified tier is none (a deferred town), a headcount left out unknown. */
    static List<BrigadeRef> brigades(EvaluateComplianceRequest r) {
        List<BrigadeRef> refs = new ArrayList<>();
        for (int i = 0; i < r.getBrigadesCount(); i++) {
            var b = r.getBrigades(i);
            Tier tier = optionalFromProto(Tier.class, b.getTier(), "STANDARD_TIER_", "brigades[" + i + "].tier");
            refs.add(new BrigadeRef(b.getBrigadeId(), b.getLevel(), tier, b.hasHeadcount() ? b.getHeadcount() : null));
        }
        return refs;
    }

    /** The evaluation; with {@code unmetOnly}, only its checks not met (the verdict is over all of them). */
    static BrigadeCompliance compliance(Evaluation e, boolean unmetOnly) {
        BrigadeCompliance.Builder out = BrigadeCompliance.newBuilder().setBrigadeId(e.brigadeId())
                .setStandard(e.standard()).setCompliant(e.compliant());
        e.checks().stream().filter(c -> !unmetOnly || !c.met()).forEach(c -> out.addChecks(CheckProtos.check(c)));
        return out.build();
    }

    static ExpiringItem expiring(ComplianceService.Expiring e) {
        return ExpiringItem.newBuilder().setBrigadeId(e.item().brigadeId()).setItemId(e.item().id())
                .setItemCode(e.item().itemCode()).setNameZh(e.nameZh()).setQuantity(e.item().quantity())
                .setExpiresOn(ProtoTime.date(e.item().expiresOn())).setDaysLeft((int) e.daysLeft()).build();
    }
}
