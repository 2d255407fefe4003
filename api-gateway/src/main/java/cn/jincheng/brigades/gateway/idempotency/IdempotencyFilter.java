package cn.jincheng.brigades.gateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.jincheng.brigades.common.grpc.idempotency.IdempotencyHeaders;
import cn.jincheng.brigades.gateway.backend.IdempotentRequest;
import cn.jincheng.brigades.gateway.problem.Problem;
import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} on writes (POST, PUT, PATCH, DELETE): the key and a hash of the request
 * (method, path, query, body) go with the request's backend writes, and the service that owns the
 * change keeps them in its database (docs/adr/0011): a retry with the same key and request, through
 * any gateway replica, gets the first answer and changes nothing ({@code Idempotent-Replayed: true});
 * the same key with another request is 422; while the first request runs, 409. Keys are per user.
 * Only successful answers are kept, so a failed request may be retried with its key. This gateway
 * keeps nothing itself.
 */
public final class IdempotencyFilter implements WebFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    /** The body limits are enforced by RequestBodyGuard before this runs; this only bounds the join (uploads are the largest). */
    private static final int MAX_BODY = 32 * 1024 * 1024;

    private final ProblemWriter problems;

    public IdempotencyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        String path = exchange.getRequest().getPath().value();
        if (key == null || !WRITES.contains(exchange.getRequest().getMethod()) || !path.startsWith("/api/v1/")
                || path.equals("/api/v1/auth/token")
                // an evidence upload is streamed, never held: its key is kept with the attachment by the service
                || cn.jincheng.brigades.gateway.config.RequestBodyGuard.isEvidenceUpload(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!IdempotencyHeaders.KEY_FORMAT.matcher(key).matches()) {
            return problems.write(exchange, HttpStatus.BAD_REQUEST, HEADER + ": 1 to 200 letters, digits or ._:-",
                    List.of(new Problem.FieldError(HEADER, "1 to 200 letters, digits or ._:-")));
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY).map(IdempotencyFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> proceed(exchange, chain, new IdempotentRequest(key, hash(exchange, body)), body));
    }

    private static Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, IdempotentRequest request,
            byte[] body) {
        ServerHttpRequestDecorator replayable = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
        exchange.getResponse().beforeCommit(() -> {
            if (request.replayed().get()) {
                exchange.getResponse().getHeaders().set(REPLAYED_HEADER, "true");
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(replayable).build())
                .contextWrite(context -> context.put(IdempotentRequest.class, request));
    }

    /** What makes two requests "the same": method, path, query and body, byte for byte. */
    static String hash(ServerWebExchange exchange, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String query = exchange.getRequest().getURI().getRawQuery();
            sha.update((exchange.getRequest().getMethod().name() + "\n" + exchange.getRequest().getPath().value() + "\n"
                    + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
