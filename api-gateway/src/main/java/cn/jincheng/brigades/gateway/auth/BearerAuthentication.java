package cn.jincheng.brigades.gateway.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.jwt.Jwt;
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

    /** RFC 6750's b64token; a header that says "Bearer" but carries something else is a bad token. */
    private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);
    static final String TOKEN_ENDPOINT = "/api/v1/auth/token";

    private final CachingJwtDecoder decoder;
    private final CallerTokenConverter callers;
    private final ProblemWriter problems;

    BearerAuthentication(CachingJwtDecoder decoder, CallerTokenConverter callers, ProblemWriter problems) {
        this.decoder = decoder;
        this.callers = callers;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return needsCaller(exchange.getRequest()) ? refuse(exchange) : chain.filter(exchange);
        }
        Matcher bearer = BEARER.matcher(header);
        if (!bearer.matches()) {
            return refuse(exchange);
        }
        String token = bearer.group("token");
        Jwt known = decoder.cached(token);
        if (known != null) {
            // the usual case: the same token as the caller's last request, no reactive detour
            return proceed(exchange, chain, callers.convert(known));
        }
        return decoder.decode(token)
                .map(jwt -> new Verified(callers.convert(jwt)))
                .onErrorResume(JwtException.class, e -> Mono.just(new Verified(null)))
                .flatMap(verified -> proceed(exchange, chain, verified.caller()));
    }

    private record Verified(Caller caller) {
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
