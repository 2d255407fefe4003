package cn.jincheng.brigades.gateway.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on POSTs that create something: a retry with the same key and body gets
 * the first answer and creates nothing new; the same key with another body is 422; the same key
 * while the first request is still running is 409. Keys are per user (one user's key never meets
 * another's). Only successful answers are kept, so a failed request may be retried with its key.
 */
public final class IdempotencyFilter implements WebFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,200}$");
    /** The body limits are enforced by RequestBodyGuard before this runs; this only bounds the join (uploads are the largest). */
    private static final int MAX_BODY = 32 * 1024 * 1024;
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION,
            HttpHeaders.ETAG);

    private final IdempotencyStore store;
    private final ProblemWriter problems;

    public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (key == null || exchange.getRequest().getMethod() != HttpMethod.POST
                || !exchange.getRequest().getPath().value().startsWith("/api/v1/")
                || exchange.getRequest().getPath().value().equals("/api/v1/auth/token")
                // an evidence upload is streamed, never held: its key is kept with the attachment by the service
                || cn.jincheng.brigades.gateway.config.RequestBodyGuard.isEvidenceUpload(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!KEY.matcher(key).matches()) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, HEADER + ": 1 to 200 letters, digits or ._:-",
                    List.of(new cn.jincheng.brigades.gateway.problem.Problem.FieldError(HEADER,
                            "1 to 200 letters, digits or ._:-")));
        }
        return exchange.getPrincipal().map(p -> p.getName()).defaultIfEmpty("")
                .flatMap(user -> DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY)
                        .map(IdempotencyFilter::bytes).defaultIfEmpty(new byte[0])
                        .flatMap(body -> handle(exchange, chain, user + "|" + exchange.getRequest().getPath().value()
                                + "|" + key, body)));
    }

    private Mono<Void> handle(ServerWebExchange exchange, WebFilterChain chain, String storeKey, byte[] body) {
        return switch (store.claim(storeKey, sha256(body))) {
            case MISMATCH -> problems.write(exchange, HttpStatus.UNPROCESSABLE_CONTENT,
                    "this Idempotency-Key was used for a different request; use a new key", null);
            case IN_PROGRESS -> problems.write(exchange, HttpStatus.CONFLICT,
                    "a request with this Idempotency-Key is still being processed; retry shortly", null);
            case REPLAY -> replay(exchange, store.answer(storeKey));
            case PROCEED -> proceed(exchange, chain, storeKey, body);
        };
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, String storeKey, byte[] body) {
        ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> content) {
                return DataBufferUtils.join(Flux.from(content)).flatMap(joined -> {
                    byte[] answer = bytes(joined);
                    int status = getStatusCode() == null ? 200 : getStatusCode().value();
                    if (status >= 200 && status < 300) {
                        HttpHeaders kept = new HttpHeaders();
                        REPLAYED_HEADERS.forEach(h -> {
                            if (getHeaders().containsHeader(h)) {
                                kept.put(h, getHeaders().get(h));
                            }
                        });
                        store.complete(storeKey, new IdempotencyStore.Answer(status, kept, answer));
                    } else {
                        store.release(storeKey);
                    }
                    return super.writeWith(Mono.just(bufferFactory().wrap(answer)));
                });
            }
        };
        return chain.filter(exchange.mutate().request(request).response(response).build())
                .doOnError(e -> store.release(storeKey))
                .doOnCancel(() -> store.release(storeKey));
    }

    private static Mono<Void> replay(ServerWebExchange exchange, IdempotencyStore.Answer answer) {
        var response = exchange.getResponse();
        response.setRawStatusCode(answer.status());
        response.getHeaders().addAll(answer.headers());
        response.getHeaders().set("Idempotent-Replayed", "true");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
