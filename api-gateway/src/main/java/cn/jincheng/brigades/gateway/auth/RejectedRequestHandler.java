package cn.jincheng.brigades.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import reactor.core.publisher.Mono;

/**
 * Answers a request that Spring Security's strict firewall refuses before any filter runs (an encoded
 * {@code %}, {@code /}, {@code \} or {@code .} in the path, a control character, a header it
 * distrusts) with a 400 problem+json like every other bad request, instead of the default empty 400.
 * The security header writer has not run for such a request, so the same headers are set here.
 */
final class RejectedRequestHandler implements ServerExchangeRejectedHandler {

    private final ProblemWriter problems;

    RejectedRequestHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", SecurityConfiguration.CSP);
        headers.setCacheControl("no-cache, no-store, max-age=0, must-revalidate");
        return problems.write(exchange, HttpStatus.BAD_REQUEST,
                "the request's path or headers contain characters that are not allowed (for example an encoded "
                        + "'%', '/', '\\' or '.', or a control character)", null);
    }
}
