package cn.jincheng.brigades.station.grpc.client;

import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.client.DependencyClient;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeRef;
import cn.jincheng.brigades.proto.staffing.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.staffing.v1.FundingSource;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;
import cn.jincheng.brigades.station.domain.compliance.AreaAnswer;
import cn.jincheng.brigades.station.domain.compliance.AreaRef;
import cn.jincheng.brigades.station.domain.compliance.ComplianceArea;
import cn.jincheng.brigades.station.domain.compliance.Tier;

/** staffing-service's part of compliance (STAFFING, FUNDING) and the headcount: one streaming call. */
public final class StaffingServiceArea implements ComplianceArea, AutoCloseable {

    private final DependencyClient<StaffingServiceGrpc.StaffingServiceBlockingStub> client;

    public StaffingServiceArea(DependencyClient<StaffingServiceGrpc.StaffingServiceBlockingStub> client) {
        this.client = client;
    }

    @Override
    public List<AreaAnswer> evaluate(List<AreaRef> brigades, int year, boolean unmetOnly) {
        EvaluateComplianceRequest request = EvaluateComplianceRequest.newBuilder().setYear(year).setUnmetOnly(unmetOnly)
                .addAllBrigades(brigades.stream().map(b -> BrigadeRef.newBuilder().setBrigadeId(b.brigadeId())
                        .setLevel(b.level().name()).setTier(Tier.name(b.tier()))
                        .setFundingPayer(FundingSource.valueOf("FUNDING_SOURCE_" + b.fundingPayer().name())).build()).toList())
                .build();
        List<AreaAnswer> answers = new ArrayList<>();
        client.stream(s -> s.evaluateCompliance(request), s -> answers.add(new AreaAnswer(s.getBrigadeId(),
                s.getStandard(), s.getChecksList().stream().map(CheckProtos::fromProto).toList(), s.getHeadcount())));
        return answers;
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
    }
}
