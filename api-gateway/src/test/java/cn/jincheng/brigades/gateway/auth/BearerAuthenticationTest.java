package cn.jincheng.brigades.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.WebFilterChain;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.MovableClock;
import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class BearerAuthenticationTest {

    private static final Instant NOW = Instant.parse("2019-11-15T02:00:00Z");

    /** "clerk" and "admin" verify; "no-county" is a clerk's token without a county; anything else fails. */
    private final BearerAuthentication authentication = new BearerAuthentication(new CachingJwtDecoder(token -> switch (token) {
        case "clerk" -> Mono.just(jwt(token, "COUNTY_CLERK", "zezhou"));
        case "admin" -> Mono.just(jwt(token, "CITY_ADMIN", null));
        case "no-county" -> Mono.just(jwt(token, "COUNTY_CLERK", null));
        default -> Mono.error(new BadJwtException("bad signature"));
    }, new CallerTokenConverter("role", "county")::convert, new MovableClock(NOW)), new ProblemWriter(JsonMapper.builder().build()));

    private final AtomicReference<Caller> reached = new AtomicReference<>();
    private final WebFilterChain chain = exchange -> Mono.fromRunnable(
            () -> reached.set(Callers.of(exchange) == null ? new Caller("-", Role.CITY_ADMIN, null) : Callers.of(exchange)));

    private static Jwt jwt(String value, String role, String county) {
        Jwt.Builder jwt = Jwt.withTokenValue(value).header("alg", "ES256").subject(value).claim("role", role)
                .issuedAt(NOW.minusSeconds(10)).expiresAt(NOW.plusSeconds(3600));
        return county == null ? jwt.build() : jwt.claim("county", county).build();
    }

    private MockServerWebExchange send(MockServerHttpRequest.BaseBuilder<?> request) {
        reached.set(null);
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        authentication.filter(exchange, chain).block();
        return exchange;
    }

    private static void isUnauthorized(MockServerWebExchange exchange) {
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void theApiNeedsAVerifiedCallerAndGetsTheOneTheTokenNames() {
        send(MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer clerk"));
        assertThat(reached.get()).isEqualTo(new Caller("clerk", Role.COUNTY_CLERK, "zezhou"));
        send(MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "bearer admin"));
        assertThat(reached.get()).isEqualTo(new Caller("admin", Role.CITY_ADMIN, null));

        for (MockServerHttpRequest.BaseBuilder<?> refused : java.util.List.of(
                MockServerHttpRequest.get("/api/v1/brigades"),
                MockServerHttpRequest.get("/api"),
                MockServerHttpRequest.options("/api/v1/counties"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Basic YWRtaW46YWRtaW4="),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer forged"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer clerk and more"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer  clerk"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearerclerk"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer cl\u00e9rk"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer =clerk"),
                MockServerHttpRequest.get("/api/v1/brigades").header("Authorization", "Bearer no-county"),
                MockServerHttpRequest.post("/api/v1/auth/token/extra"),
                MockServerHttpRequest.get("/api/v1/auth/token"))) {
            MockServerWebExchange exchange = send(refused);
            isUnauthorized(exchange);
            assertThat(reached.get()).isNull();
        }
    }

    @Test
    void theTokenEndpointAndTheDashboardAreOpenButATokenSentIsAlwaysChecked() {
        send(MockServerHttpRequest.post("/api/v1/auth/token"));
        assertThat(reached.get()).isNotNull();
        send(MockServerHttpRequest.get("/index.html"));
        assertThat(reached.get()).isNotNull();
        send(MockServerHttpRequest.get("/apiary"));
        assertThat(reached.get()).isNotNull();

        isUnauthorized(send(MockServerHttpRequest.get("/index.html").header("Authorization", "Bearer forged")));
        isUnauthorized(send(MockServerHttpRequest.post("/api/v1/auth/token").header("Authorization", "Bearer forged")));
        assertThat(reached.get()).isNull();
    }
}
