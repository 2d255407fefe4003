package cn.jincheng.brigades.gateway.auth;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * Who is calling: the {@code Authorization: Bearer} token is verified (signature, issuer, audience,
 * time; {@link CachingJwtDecoder} remembers tokens that verified) and reduced to the {@link Caller}
 * it names, which is kept with the exchange ({@link Callers}). Every {@code /api/**} request but
 * {@code POST /api/v1/auth/token} needs one; a token that is sent is always checked, wherever it
 * is sent. Anything wrong is a 401 problem+json with {@code WWW-Authenticate: Bearer}, and the
 * request goes no further.
 */
final class BearerAuthentication implements WebFilter {

    private static final String SCHEME = "Bearer ";
    /**
     * RFC 6750's b64token, after the scheme (matched case-insensitively on its own); a header that
     * says "Bearer" but carries something else is a bad token. Without the case-insensitive flag the
     * class is a bit set: matching a whole token this way is cheaper than a case-folding pattern,
     * which was 4 % of the gateway's CPU under load (BENCHMARKS.md, ninth round).
     */
    private static final Pattern TOKEN = Pattern.compile("[a-zA-Z0-9-._~+/]+=*");
    static final String TOKEN_ENDPOINT = "/api/v1/auth/token";

    private final CachingJwtDecoder decoder;
    private final ProblemWriter problems;

    BearerAuthentication(CachingJwtDecoder decoder, ProblemWriter problems) {
        this.decoder = decoder;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return needsCaller(exchange.getRequest()) ? refuse(exchange) : chain.filter(exchange);
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !TOKEN.matcher(header).region(SCHEME.length(), header.length()).matches()) {
            return refuse(exchange);
        }
        String token = header.substring(SCHEME.length());
        CachingJwtDecoder.Verified known = decoder.cached(token);
        if (known != null) {
            // the usual case: the same token as the caller's last request, no reactive detour
            return proceed(exchange, chain, known.caller().orElse(null));
        }
        return decoder.verify(token)
                .map(CachingJwtDecoder.Verified::caller)
                .onErrorResume(JwtException.class, e -> Mono.just(Optional.empty()))
                .flatMap(caller -> proceed(exchange, chain, caller.orElse(null)));
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, Caller caller) {
        if (caller == null) {
            return refuse(exchange);
        }
        Callers.set(exchange, caller);
        return chain.filter(exchange);
    }

    /** The API needs a caller; the token endpoint, the dashboard's files, the API document and health do not. */
    static boolean needsCaller(ServerHttpRequest request) {
        String path = request.getPath().value();
        if (!(path.equals("/api") || path.startsWith("/api/"))) {
            return false;
        }
        return !(request.getMethod() == HttpMethod.POST && path.equals(TOKEN_ENDPOINT));
    }

    private Mono<Void> refuse(ServerWebExchange exchange) {
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "a valid bearer token is required", null);
    }
}
