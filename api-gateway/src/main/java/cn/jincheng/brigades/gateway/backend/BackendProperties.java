package cn.jincheng.brigades.gateway.backend;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are and how calls to them are guarded.
 *
 * @param backends   gRPC target per service ({@code host:port} or {@code dns:///name:port})
 */
@ConfigurationProperties("brigades")
public record BackendProperties(Map<String, Target> backends, Resilience resilience) {

    public record Target(String address) {
    }

    public record Resilience(Duration deadline, Duration importDeadline, Breaker breaker, ReadRetry readRetry) {
    }

    public record Breaker(int slidingWindow, int minimumCalls, float failureRatePercent, Duration openFor,
            int halfOpenCalls) {
    }

    public record ReadRetry(int attempts, Duration backoff) {
    }

    public String addressOf(Backend backend) {
        Target target = backends.get(backend.name().toLowerCase());
        if (target == null || target.address() == null || target.address().isBlank()) {
            throw new IllegalStateException("no address configured for " + backend.serviceName());
        }
        return target.address();
    }
}
