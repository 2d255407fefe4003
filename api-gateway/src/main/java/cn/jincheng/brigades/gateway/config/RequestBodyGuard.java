package cn.jincheng.brigades.gateway.config;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads every request body in full before anything answers the request.
 *
 * <p>Why: Reactor Netty closes the connection when a response goes out before the request body has
 * been read (RFC 9112 allows nothing else), so a client still uploading a large body to a 401 or 413
 * sees a reset, or blocks writing into a full socket, instead of the answer. Reading first means every
 * client gets its problem+json. Bodies above {@code limit} are read and thrown away up to
 * {@code drainCap} and answered 413; beyond that the connection is cut, which is what an abusive
 * upload deserves.
 *
 * <p>It runs inside {@code auth.GatewaySecurity}, right after the security headers are set and before
 * authentication, whose 401 would otherwise be the early answer.
 */
public final class RequestBodyGuard implements WebFilter {

    /** Where files are uploaded (bulk imports): a larger body is allowed, and drained further before a 413. */
    public static final String UPLOAD_PATHS = "/api/v1/imports/";

    /**
     * Evidence uploads (POST /api/v1/brigades/{id}/attachments): streamed to the owning service as
     * they arrive, never held whole; their cap is enforced while streaming, and a refused upload's
     * rest is drained there (EvidenceController), so this filter lets their bodies through unread.
     */
    public static boolean isEvidenceUpload(ServerHttpRequest request) {
        String path = request.getPath().value();
        return request.getMethod() == org.springframework.http.HttpMethod.POST && path.startsWith("/api/v1/brigades/")
                && path.endsWith("/attachments") && path.chars().filter(c -> c == '/').count() == 5;
    }

    private final long limit;
    private final long drainCap;
    private final long uploadLimit;
    private final long uploadDrainCap;
    private final ProblemWriter problems;

    public RequestBodyGuard(long limit, long drainCap, long uploadLimit, long uploadDrainCap, ProblemWriter problems) {
        this.limit = limit;
        this.drainCap = drainCap;
        this.uploadLimit = uploadLimit;
        this.uploadDrainCap = uploadDrainCap;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        boolean hasBody = headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (!hasBody || isEvidenceUpload(request)) {
            return chain.filter(exchange);
        }
        boolean upload = request.getPath().value().startsWith(UPLOAD_PATHS);
        long max = upload ? uploadLimit : limit;
        long drain = upload ? uploadDrainCap : drainCap;
        Accumulator body = new Accumulator(max);
        return request.getBody()
                .takeUntil(buffer -> body.seen > drain)
                .doOnNext(body::add)
                .doOnDiscard(DataBuffer.class, DataBufferUtils::release)
                .then(Mono.defer(() -> body.seen > max
                        ? tooLarge(exchange, max)
                        : chain.filter(exchange.mutate().request(replay(exchange, body.bytes())).build())));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long max) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, max >= 1024 * 1024
                ? "the request body is larger than " + (max / (1024 * 1024)) + " MB"
                : "the request body is larger than " + (max / 1024) + " KB", List.of());
    }

    private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] bytes) {
        return new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
    }

    /** Copies the body while under the limit; once over it, only counts what still arrives. */
    private static final class Accumulator {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final long limit;
        private long seen;

        Accumulator(long limit) {
            this.limit = limit;
        }

        void add(DataBuffer buffer) {
            try {
                int n = buffer.readableByteCount();
                seen += n;
                if (seen <= limit) {
                    byte[] chunk = new byte[n];
                    buffer.read(chunk);
                    kept.write(chunk, 0, n);
                } else {
                    kept.reset();
                }
            } finally {
                DataBufferUtils.release(buffer);
            }
        }

        byte[] bytes() {
            return kept.toByteArray();
        }
    }
}
