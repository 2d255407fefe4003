package cn.jincheng.brigades.gateway.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.grpc.GrpcErrors;
import cn.jincheng.brigades.gateway.backend.Backend;
import cn.jincheng.brigades.gateway.backend.BackendProperties;
import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The resilience policy of every gateway→service call, in one place:
 * <ul>
 * <li>a deadline on every call ({@code brigades.resilience.deadline}, 3 s by default);</li>
 * <li>a circuit breaker per service: it counts only outages (UNAVAILABLE, DEADLINE_EXCEEDED,
 * INTERNAL, UNKNOWN), never a user's mistake or a refusal, so bad input cannot open it; open, it
 * answers 503 at once and lets a few calls through after {@code open-for} to see if the service
 * is back;</li>
 * <li>one retry of idempotent reads on UNAVAILABLE only, so a write is never sent twice.</li>
 * </ul>
 * No bulkhead: the event loop never blocks on a call, so concurrency is bounded by the clients
 * and the channels' flow control, and ordinary load cannot fill a queue and trip the breaker.
 */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    /** gRPC codes that mean "the service could not answer", as opposed to "the service said no". */
    public static final Set<Status.Code> OUTAGE_CODES = Set.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.INTERNAL, Status.Code.UNKNOWN);

    /** The breaker of each service, made through {@link ClientTelemetry} so that its state is a metric. */
    @Bean
    Map<Backend, CircuitBreaker> circuitBreakers(BackendProperties properties, ClientTelemetry telemetry) {
        BackendProperties.Breaker b = properties.resilience().breaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.slidingWindow())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRatePercent())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(ResilienceConfiguration::isOutage)
                .build();
        Map<Backend, CircuitBreaker> breakers = new EnumMap<>(Backend.class);
        for (Backend backend : Backend.values()) {
            breakers.put(backend, telemetry.breaker(backend.serviceName(), config));
        }
        return breakers;
    }

    @Bean
    Retry readRetry(BackendProperties properties) {
        BackendProperties.ReadRetry r = properties.resilience().readRetry();
        return Retry.of("idempotent-read", RetryConfig.custom()
                .maxAttempts(r.attempts())
                .waitDuration(r.backoff())
                .retryOnException(e -> e instanceof StatusRuntimeException s
                        && s.getStatus().getCode() == Status.Code.UNAVAILABLE)
                .build());
    }

    /**
     * An outage of the called service itself. A service that answers UNAVAILABLE because a service
     * behind it is down is up and well: that does not count against its breaker.
     */
    public static boolean isOutage(Throwable e) {
        return e instanceof StatusRuntimeException s && OUTAGE_CODES.contains(s.getStatus().getCode())
                && GrpcErrors.errorInfo(s).map(i -> !GrpcErrors.DEPENDENCY_UNAVAILABLE.equals(i.getReason()))
                        .orElse(true);
    }
}
