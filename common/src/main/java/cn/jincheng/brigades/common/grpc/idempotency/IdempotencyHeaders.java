package cn.jincheng.brigades.common.grpc.idempotency;

import io.grpc.Metadata;

/** How the gateway passes a request's Idempotency-Key to a service, and how the service says it replayed. */
public final class IdempotencyHeaders {

    /** The client's Idempotency-Key, as the gateway received it. */
    public static final Metadata.Key<String> KEY = Metadata.Key.of("idempotency-key", Metadata.ASCII_STRING_MARSHALLER);
    /** SHA-256 (hex) of the REST request as the client sent it: method, path, query and body. */
    public static final Metadata.Key<String> REQUEST_HASH =
            Metadata.Key.of("idempotency-request-hash", Metadata.ASCII_STRING_MARSHALLER);
    /** On an answer replayed from the store. */
    public static final Metadata.Key<String> REPLAYED =
            Metadata.Key.of("idempotent-replayed", Metadata.ASCII_STRING_MARSHALLER);

    /** ErrorInfo reasons of the refusals. */
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String KEY_IN_USE = "IDEMPOTENCY_KEY_IN_USE";
    public static final String ANSWER_LOST = "IDEMPOTENCY_ANSWER_LOST";
    public static final String KEY_MALFORMED = "IDEMPOTENCY_KEY_MALFORMED";

    /** What a client may use as a key: short, printable, safe in a header and a log line. */
    public static final java.util.regex.Pattern KEY_FORMAT = java.util.regex.Pattern.compile("^[A-Za-z0-9._:-]{1,200}$");

    private IdempotencyHeaders() {
    }
}
