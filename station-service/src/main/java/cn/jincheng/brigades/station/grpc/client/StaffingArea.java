package cn.jincheng.brigades.station.compliance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.grpc.client.DependencyClient;
import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeRef;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.proto.staffing.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;

/** staffing-service's part of compliance (STAFFING, FUNDING) and the headcount: one streaming call. */
@Component
public class StaffingArea implements DisposableBean {

    private final DependencyClient<StaffingServiceGrpc.StaffingServiceBlockingStub> client;

    StaffingArea(@Value("${brigades.dependencies.staffing.address}") String address,
            @Value("${brigades.dependencies.deadline:5s}") Duration deadline, ClientTelemetry telemetry) {
        this.client = new DependencyClient<>("staffing-service", address, StaffingServiceGrpc::newBlockingStub, deadline, telemetry);
    }

    public List<BrigadeStaffing> evaluate(List<BrigadeRef> brigades, int year) {
        List<BrigadeStaffing> result = new ArrayList<>();
        client.stream(s -> s.evaluateCompliance(EvaluateComplianceRequest.newBuilder().addAllBrigades(brigades)
                .setYear(year).build()), result::add);
        return result;
    }

    @Override
    public void destroy() throws InterruptedException {
        client.close();
    }
}
