package cn.jincheng.brigades.equipment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.grpc.BindableService;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * equipment-service. Until its issue lands it serves only the standard gRPC health service, with its
 * store and the caller-identity check already in place like every other service.
 */
@SpringBootApplication
public class EquipmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EquipmentServiceApplication.class, args);
    }

    /**
     * The standard grpc.health.v1 service, registered here because Spring gRPC opens a server only
     * when the application has a service bean of its own (spring.grpc.server.health is off).
     */
    @Bean(destroyMethod = "enterTerminalState")
    HealthStatusManager healthStatusManager() {
        return new HealthStatusManager();
    }

    @Bean
    BindableService grpcHealthService(HealthStatusManager health) {
        return health.getHealthService();
    }
}
