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

import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/**
 * Asks every service's standard gRPC health service every two seconds, in the background, so that
 * the gateway's own health page shows which service is down without a request waiting on it,
 * and so that a channel to a restarted service reconnects at once instead of after gRPC's growing
 * back-off.
 */
@Component("backends")
public class BackendHealth implements HealthIndicator, InitializingBean, DisposableBean {

    private final BackendChannels channels;
    private final Map<Backend, HealthCheckResponse.ServingStatus> last = new EnumMap<>(Backend.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backend-health");
        t.setDaemon(true);
        return t;
    });

    public BackendHealth(BackendChannels channels) {
        this.channels = channels;
        for (Backend b : Backend.values()) {
            last.put(b, HealthCheckResponse.ServingStatus.UNKNOWN);
        }
    }

    @Override
    public void afterPropertiesSet() {
        timer.scheduleWithFixedDelay(this::probeAll, 0, 2, TimeUnit.SECONDS);
    }

    void probeAll() {
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
        }
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
