package cn.jincheng.brigades.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

/** The services' operations HTTP, started as they start it, asked over a real connection. */
class OperationsHttpServerTest {

    private static final AtomicReference<Health> STORE = new AtomicReference<>(Health.up().build());
    private static final AutoConfigurations ACTUATOR = AutoConfigurations.of(
            org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration.class,
            org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration.class,
            org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration.class,
            org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration.class,
            org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration.class,
            org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration.class,
            org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class,
            org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration.class,
            OperationsHttpAutoConfiguration.class);

    private final HttpClient http = HttpClient.newHttpClient();

    @Configuration(proxyBeanMethods = false)
    static class Store {
        /** A contributor the test turns down, like the services' MongoDB check. */
        @Bean
        HealthIndicator store() {
            return STORE::get;
        }
    }

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(ACTUATOR).withUserConfiguration(Store.class)
            .withPropertyValues("brigades.operations.port=0", "management.endpoint.health.probes.enabled=true",
                    "management.endpoints.web.exposure.include=health,prometheus");

    private HttpResponse<String> get(AssertableApplicationContext context, String path, String accept) throws Exception {
        int port = context.getBean(OperationsHttpServer.class).port();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndItsGroupsAnswerWithTheStatusAndItsCode() {
        service.run(context -> {
            STORE.set(Health.up().build());
            // what SpringApplication publishes once the service has started and is ready
            AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
            HttpResponse<String> liveness = get(context, "/actuator/health/liveness", null);
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(liveness.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(get(context, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
            assertThat(get(context, "/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");

            STORE.set(Health.down().withDetail("secret", "not shown").build());
            HttpResponse<String> down = get(context, "/actuator/health", null);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");

            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            HttpResponse<String> refusing = get(context, "/actuator/health/readiness", null);
            assertThat(refusing.statusCode()).isEqualTo(503);
            assertThat(refusing.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
        });
    }

    @Test
    void prometheusScrapeInTheFormatAskedFor() {
        service.run(context -> {
            context.getBean(MeterRegistry.class).counter("brigades.test.calls").increment();
            HttpResponse<String> text = get(context, "/actuator/prometheus", null);
            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain;version=0.0.4");
            assertThat(text.body()).contains("brigades_test_calls_total 1.0");

            HttpResponse<String> openMetrics = get(context, "/actuator/prometheus",
                    "application/openmetrics-text;version=1.0.0,text/plain;q=0.5");
            assertThat(openMetrics.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/openmetrics-text");
            assertThat(openMetrics.body()).contains("brigades_test_calls_total 1.0").endsWith("# EOF\n");
        });
    }

    @Test
    void anythingElseIsNotFoundAndOnlyReadsAreAllowed() {
        service.run(context -> {
            assertThat(get(context, "/actuator/health/nosuchgroup", null).statusCode()).isEqualTo(404);
            assertThat(get(context, "/actuator/healthz", null).statusCode()).isEqualTo(404);
            assertThat(get(context, "/actuator/env", null).statusCode()).isEqualTo(404);
            assertThat(get(context, "/actuator/prometheus/x", null).statusCode()).isEqualTo(404);
            int port = context.getBean(OperationsHttpServer.class).port();
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        });
    }

    @Test
    void stopsWithTheContext() {
        int[] port = new int[1];
        service.run(context -> port[0] = context.getBean(OperationsHttpServer.class).port());
        assertThat(port[0]).isPositive();
        assertThat(catchConnect(port[0])).isInstanceOf(java.net.ConnectException.class);
    }

    private Throwable catchConnect(int port) {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
