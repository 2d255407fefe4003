package cn.jincheng.brigades.station.config;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import cn.jincheng.brigades.common.grpc.client.DependencyClient;
import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;
import cn.jincheng.brigades.station.domain.acceptance.AcceptanceReport;
import cn.jincheng.brigades.station.grpc.client.EquipmentServiceArea;
import cn.jincheng.brigades.station.grpc.client.StaffingServiceArea;

/** The services station-service calls (the compliance areas they own), and the threads the report evaluates on. */
@Configuration(proxyBeanMethods = false)
class StationClientsConfiguration {

    @Bean(destroyMethod = "close")
    StaffingServiceArea staffingArea(@Value("${brigades.dependencies.staffing.address}") String address,
            DependencyClient.Deadlines deadlines, ClientTelemetry telemetry) {
        return new StaffingServiceArea(new DependencyClient<>("staffing-service", address,
                StaffingServiceGrpc::newBlockingStub, deadlines, telemetry));
    }

    @Bean(destroyMethod = "close")
    EquipmentServiceArea equipmentArea(@Value("${brigades.dependencies.equipment.address}") String address,
            DependencyClient.Deadlines deadlines, ClientTelemetry telemetry) {
        return new EquipmentServiceArea(new DependencyClient<>("equipment-service", address,
                EquipmentServiceGrpc::newBlockingStub, deadlines, telemetry));
    }

    /** A compliance answer for one brigade or a page: seconds; for a report's chunk of brigades, streamed: longer. */
    @Bean
    DependencyClient.Deadlines dependencyDeadlines(@Value("${brigades.dependencies.deadline:5s}") Duration call,
            @Value("${brigades.dependencies.stream-deadline:60s}") Duration stream) {
        return new DependencyClient.Deadlines(call, stream);
    }

    /** Named daemon threads: a report left running never keeps the service from stopping. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService reportEvaluators() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("report-evaluator-");
        threads.setDaemon(true);
        return Executors.newFixedThreadPool(AcceptanceReport.AHEAD + 1, threads);
    }
}
