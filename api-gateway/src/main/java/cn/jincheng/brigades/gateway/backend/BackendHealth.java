package cn.jincheng.brigades.gateway.backend;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/**
 * Asks every service's standard gRPC health service in the background (every two seconds, every
 * half second while one is not serving), so that the gateway's own health page shows which service
 * is down without a request waiting on it, and so that a restarted service is used again at once:
 * its channel reconnects instead of waiting out gRPC's growing back-off, and its open circuit
 * breaker goes half-open instead of waiting out its open time.
 */
@Component("backends")
public class BackendHealth implements HealthIndicator, InitializingBean, DisposableBean {

    private static final long CALM_MILLIS = 2_000;
    private static final long WATCHFUL_MILLIS = 500;

    private final BackendChannels channels;
    private final Map<Backend, CircuitBreaker> breakers;
    private final Map<Backend, HealthCheckResponse.ServingStatus> last = new EnumMap<>(Backend.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backend-health");
        t.setDaemon(true);
        return t;
    });

    public BackendHealth(BackendChannels channels, Map<Backend, CircuitBreaker> breakers) {
        this.channels = channels;
        this.breakers = breakers;
        for (Backend b : Backend.values()) {
            last.put(b, HealthCheckResponse.ServingStatus.UNKNOWN);
        }
    }

    @Override
    public void afterPropertiesSet() {
        timer.schedule(this::probeAndReschedule, 0, TimeUnit.MILLISECONDS);
    }

    private void probeAndReschedule() {
        boolean allServing = false;
        try {
            allServing = probeAll();
        } finally {
            if (!timer.isShutdown()) {
                timer.schedule(this::probeAndReschedule, allServing ? CALM_MILLIS : WATCHFUL_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Probes each service once; true when all serve. */
    boolean probeAll() {
        boolean allServing = true;
        for (Backend backend : Backend.values()) {
            channels.reconnectIfFailing(backend);
            HealthCheckResponse.ServingStatus status;
            try {
                status = HealthGrpc.newBlockingStub(channels.channel(backend))
                        .withDeadlineAfter(1, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus();
            } catch (RuntimeException e) {
                status = HealthCheckResponse.ServingStatus.NOT_SERVING;
            }
            synchronized (last) {
                last.put(backend, status);
            }
            CircuitBreaker breaker = breakers.get(backend);
            if (status == HealthCheckResponse.ServingStatus.SERVING
                    && breaker.getState() == CircuitBreaker.State.OPEN) {
                breaker.transitionToHalfOpenState(); // a few trial calls decide, as after the open time
            }
            allServing &= status == HealthCheckResponse.ServingStatus.SERVING;
        }
        return allServing;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        synchronized (last) {
            for (Map.Entry<Backend, HealthCheckResponse.ServingStatus> e : last.entrySet()) {
                boolean serving = e.getValue() == HealthCheckResponse.ServingStatus.SERVING;
                builder.withDetail(e.getKey().serviceName(), serving ? "SERVING" : e.getValue().name());
                if (!serving) {
                    builder.down();
                }
            }
        }
        return builder.build();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
