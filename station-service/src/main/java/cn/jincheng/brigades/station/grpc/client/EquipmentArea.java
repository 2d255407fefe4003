package cn.jincheng.brigades.station.compliance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.grpc.client.DependencyClient;
import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeCompliance;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeRef;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
import cn.jincheng.brigades.proto.equipment.v1.EvaluateComplianceRequest;

/** equipment-service's part of compliance: one streaming call for any number of brigades. */
@Component
public class EquipmentArea implements DisposableBean {

    private final DependencyClient<EquipmentServiceGrpc.EquipmentServiceBlockingStub> client;

    EquipmentArea(@Value("${brigades.dependencies.equipment.address}") String address,
            @Value("${brigades.dependencies.deadline:5s}") Duration deadline, ClientTelemetry telemetry) {
        this.client = new DependencyClient<>("equipment-service", address, EquipmentServiceGrpc::newBlockingStub,
                deadline, telemetry);
    }

    public List<BrigadeCompliance> evaluate(List<BrigadeRef> brigades, int year) {
        List<BrigadeCompliance> result = new ArrayList<>();
        client.stream(s -> s.evaluateCompliance(EvaluateComplianceRequest.newBuilder().addAllBrigades(brigades)
                .setYear(year).build()), result::add);
        return result;
    }

    @Override
    public void destroy() throws InterruptedException {
        client.close();
    }
}
