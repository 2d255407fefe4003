package cn.jincheng.brigades.gateway.auth;

import org.springframework.core.Ordered;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The gateway's guard in front of everything else, in this order: the firewall (Spring Security's
 * strict one: encoded separators, control characters, distrusted headers are a 400 problem), the
 * secure response headers (written just before the response commits), the request body guard
 * (413 before anything answers), bearer authentication (401), the per-caller rate limit (429).
 *
 * <p>One plain filter instead of Spring Security's reactive filter chain (docs/adr/0015): the chain
 * matched every request against each of its filters' matchers and went through a dozen reactive
 * filters, most of which had nothing to do here (no sessions, no CSRF, no login pages, every rule
 * "authenticated"), and it was a measurable part of each request's cost.
 */
final class GatewaySecurity implements WebFilter, Ordered {

    /** Where Spring Security's chain ran: before every other filter. */
    static final int ORDER = -100;

    private final ServerWebExchangeFirewall firewall;
    private final ServerExchangeRejectedHandler rejected;
    private final ServerHttpHeadersWriter headers;
    private final WebFilter bodyGuard;
    private final WebFilter authentication;
    private final WebFilter rateLimit;

    GatewaySecurity(ServerWebExchangeFirewall firewall, ServerExchangeRejectedHandler rejected,
            ServerHttpHeadersWriter headers, WebFilter bodyGuard, WebFilter authentication, WebFilter rateLimit) {
        this.firewall = firewall;
        this.rejected = rejected;
        this.headers = headers;
        this.bodyGuard = bodyGuard;
        this.authentication = authentication;
        this.rateLimit = rateLimit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return firewall.getFirewalledExchange(exchange)
                .flatMap(checked -> guarded(checked, chain))
                .onErrorResume(ServerExchangeRejectedException.class, e -> rejected.handle(exchange, e));
    }

    private Mono<Void> guarded(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> headers.writeHttpHeaders(exchange));
        return bodyGuard.filter(exchange, read -> authentication.filter(read,
                authenticated -> rateLimit.filter(authenticated, chain)));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
