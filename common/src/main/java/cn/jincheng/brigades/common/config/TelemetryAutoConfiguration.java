package cn.jincheng.brigades.common.config;

import cn.jincheng.brigades.common.grpc.telemetry.CallLogInterceptor;
import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/** One {@link ClientTelemetry} per service, on the registries Spring Boot's actuator provides. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
public class TelemetryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ClientTelemetry clientTelemetry(ObjectProvider<ObservationRegistry> observations, ObjectProvider<MeterRegistry> meters) {
        return new ClientTelemetry(observations.getIfAvailable(() -> ObservationRegistry.NOOP), meters.getIfAvailable());
    }

    /** In the services (which run a gRPC server): the call log, inside the server observation (order 0). */
    @Bean
    @org.springframework.grpc.server.GlobalServerInterceptor
    @org.springframework.core.annotation.Order(10)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(
            name = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration")
    CallLogInterceptor callLogInterceptor() {
        return new CallLogInterceptor();
    }
}
