package cn.jincheng.brigades.common.config;

import java.net.InetSocketAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.context.annotation.Bean;

/**
 * Health and Prometheus over HTTP for an application without a web server (the gRPC services):
 * {@link OperationsHttpServer} on {@code brigades.operations.host} and {@code .port}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration" })
@ConditionalOnNotWebApplication
@ConditionalOnClass({ HealthEndpoint.class, PrometheusScrapeEndpoint.class })
public class OperationsHttpAutoConfiguration {

    @Bean
    @ConditionalOnBean(HealthEndpoint.class)
    OperationsHttpServer operationsHttpServer(@Value("${brigades.operations.host:127.0.0.1}") String host,
            @Value("${brigades.operations.port:0}") int port, HealthEndpoint health,
            ObjectProvider<HttpCodeStatusMapper> statusCodes, ObjectProvider<PrometheusScrapeEndpoint> prometheus) {
        return new OperationsHttpServer(new InetSocketAddress(host, port), health,
                statusCodes.getIfAvailable(() -> HttpCodeStatusMapper.DEFAULT), prometheus.getIfAvailable());
    }
}
