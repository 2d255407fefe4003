package cn.jincheng.brigades.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class CallerRateLimitTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Three requests an hour: the fourth within the hour is over, whatever the machine's speed. */
    private final CallerRateLimit limit = new CallerRateLimit(3, Duration.ofHours(1),
            new ProblemWriter(JsonMapper.builder().build()), meters);
    private final AtomicInteger passed = new AtomicInteger();
    private final WebFilterChain chain = exchange -> Mono.fromRunnable(passed::incrementAndGet);

    private MockServerWebExchange send(Caller caller) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/brigades"));
        if (caller != null) {
            Callers.set(exchange, caller);
        }
        limit.filter(exchange, chain).block();
        return exchange;
    }

    @Test
    void eachCallerHasTheirOwnAllowanceAndTheOneOverItIsToldWhenToComeBack() {
        Caller clerk = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
        for (int i = 0; i < 3; i++) {
            assertThat(send(clerk).getResponse().getStatusCode()).isNull();
        }
        MockServerWebExchange over = send(clerk);
        assertThat(over.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(over.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(over.getResponse().getHeaders().getFirst("Retry-After"))).isBetween(1L, 3600L);
        assertThat(over.getResponse().getBodyAsString().block()).contains("\"status\":429").contains("3 requests");
        assertThat(passed).hasValue(3);

        // another caller is not held back by the first, nor is a request that names no caller
        send(new Caller("inspector", Role.CITY_INSPECTOR, null));
        send(null);
        assertThat(passed).hasValue(5);
        assertThat(meters.counter("brigades.gateway.rate.limited").count()).isEqualTo(1.0);
    }
}
