package cn.jincheng.brigades.gateway.problem;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * The last word on every error, from controllers, routing (404, 405, 415) and decoding alike:
 * a problem+json body, never an HTML page or a stack trace. Runs before Boot's default handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private final ProblemWriter writer;

    ProblemExceptionHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ApiException api && api.retryAfterSeconds() != null && !exchange.getResponse().isCommitted()) {
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(api.retryAfterSeconds()));
        }
        return writer.write(exchange, ProblemMapper.map(ex));
    }
}
