package cn.jincheng.brigades.gateway.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * At most {@code requests} API requests per {@code period} for each authenticated caller (by the
 * token's subject, as {@link BearerAuthentication} found it), answered 429 problem+json with
 * {@code Retry-After} beyond that. One script or stuck browser tab cannot take the services'
 * capacity from every other county.
 *
 * <p>Counted per gateway replica: with N replicas a caller may make up to N times the limit. The
 * callers' limiters live in a Caffeine cache bounded in size and dropped after idle minutes, so a
 * flood of distinct subjects (which each need a valid token) costs bounded memory.
 */
public final class CallerRateLimit implements WebFilter {

    static final int MAX_CALLERS = 100_000;
    static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final RateLimiterConfig config;
    private final Cache<String, AtomicRateLimiter> limiters = Caffeine.newBuilder().maximumSize(MAX_CALLERS)
            .expireAfterAccess(FORGET_AFTER).build();
    private final ProblemWriter problems;
    private final Counter refused;

    public CallerRateLimit(int requests, Duration period, ProblemWriter problems, MeterRegistry meters) {
        this.config = RateLimiterConfig.custom().limitForPeriod(requests).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
        this.problems = problems;
        this.refused = Counter.builder("brigades.gateway.rate.limited")
                .description("API requests refused because their caller went over the per-caller rate limit")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Caller caller = Callers.of(exchange);
        AtomicRateLimiter over = caller == null ? null : overLimit(caller);
        return over == null ? chain.filter(exchange) : refuse(exchange, over);
    }

    /** The caller's limiter when this request takes them over it; null when it may pass. */
    private AtomicRateLimiter overLimit(Caller caller) {
        AtomicRateLimiter limiter = limiters.get(caller.subject(), subject -> new AtomicRateLimiter(subject, config));
        return limiter.acquirePermission() ? null : limiter;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, AtomicRateLimiter limiter) {
        refused.increment();
        long seconds = Math.max(1, (limiter.getDetailedMetrics().getNanosToWait() + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "more than " + config.getLimitForPeriod()
                + " requests in " + config.getLimitRefreshPeriod().toMillis() + " ms from one caller; try again in "
                + seconds + " s", List.of());
    }
}
