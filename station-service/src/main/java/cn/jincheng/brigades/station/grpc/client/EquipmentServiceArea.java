package cn.jincheng.brigades.station.grpc.client;

import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.client.DependencyClient;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeRef;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
import cn.jincheng.brigades.proto.equipment.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.equipment.v1.StandardTier;
import cn.jincheng.brigades.station.domain.compliance.AreaAnswer;
import cn.jincheng.brigades.station.domain.compliance.AreaRef;
import cn.jincheng.brigades.station.domain.compliance.ComplianceArea;

/** equipment-service's part of compliance (VEHICLES, EQUIPMENT, READINESS): one streaming call for any number of brigades. */
public final class EquipmentServiceArea implements ComplianceArea, AutoCloseable {

    private final DependencyClient<EquipmentServiceGrpc.EquipmentServiceBlockingStub> client;

    public EquipmentServiceArea(DependencyClient<EquipmentServiceGrpc.EquipmentServiceBlockingStub> client) {
        this.client = client;
    }

    @Override
    public List<AreaAnswer> evaluate(List<AreaRef> brigades, int year, boolean unmetOnly) {
        EvaluateComplianceRequest request = EvaluateComplianceRequest.newBuilder().setYear(year).setUnmetOnly(unmetOnly)
                .addAllBrigades(brigades.stream().map(EquipmentServiceArea::ref).toList()).build();
        List<AreaAnswer> answers = new ArrayList<>();
        client.stream(s -> s.evaluateCompliance(request), c -> answers.add(new AreaAnswer(c.getBrigadeId(),
                c.getStandard(), c.getChecksList().stream().map(CheckProtos::fromProto).toList(), null)));
        return answers;
    }

    private static BrigadeRef ref(AreaRef b) {
        BrigadeRef.Builder ref = BrigadeRef.newBuilder().setBrigadeId(b.brigadeId()).setLevel(b.level().name())
                .setTier(StandardTier.valueOf("STANDARD_TIER_" + b.tier().name()));
        if (b.headcount() != null) {
            ref.setHeadcount(b.headcount());
        }
        return ref.build();
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
    }
}
