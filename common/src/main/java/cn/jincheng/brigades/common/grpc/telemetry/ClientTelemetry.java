package cn.jincheng.brigades.common.grpc.telemetry;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.grpc.ClientInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.ObservationGrpcClientInterceptor;
import io.micrometer.observation.ObservationRegistry;

/**
 * What every outgoing gRPC call carries for operations: an observation (a timer per method and
 * status, and a span whose trace id travels to the callee in the {@code traceparent} header), and
 * circuit breakers whose states are metrics.
 */
public final class ClientTelemetry {

    /** For code and tests that run without Spring's registries. */
    public static final ClientTelemetry NONE = new ClientTelemetry(ObservationRegistry.NOOP, null);

    private final ObservationRegistry observations;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    public ClientTelemetry(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = observations;
        if (meters != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        }
    }

    /** The interceptor to add to a channel. */
    public ClientInterceptor interceptor() {
        return new ObservationGrpcClientInterceptor(observations);
    }

    /** A circuit breaker whose state and calls show in the metrics, tagged with its name. */
    public CircuitBreaker breaker(String name, CircuitBreakerConfig config) {
        return breakers.circuitBreaker(name, config);
    }
}
