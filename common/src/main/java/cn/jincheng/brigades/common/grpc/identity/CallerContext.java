package cn.jincheng.brigades.common.grpc.identity;

import cn.jincheng.brigades.common.domain.identity.Caller;
import io.grpc.Context;
import io.grpc.Metadata;

import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;

/** Where a verified caller travels with a gRPC call, and the metadata key that carries it. */
public final class CallerContext {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    public static final String BEARER = "Bearer ";

    static final Context.Key<Caller> CALLER = Context.key("brigades-caller");
    static final Context.Key<String> TOKEN = Context.key("brigades-caller-token");

    private CallerContext() {
    }

    /** The verified caller of the current call; the interceptor guarantees there is one. */
    public static Caller current() {
        Caller caller = CALLER.get();
        if (caller == null) {
            throw new UnauthenticatedException("no caller identity");
        }
        return caller;
    }

    /**
     * The caller's identity, to pass on when this service calls another on the caller's behalf:
     * the next service verifies the same gateway-signed token and enforces the same rules.
     */
    public static BearerCallCredentials relay() {
        String token = TOKEN.get();
        if (token == null) {
            throw new UnauthenticatedException("no caller identity to pass on");
        }
        return new BearerCallCredentials(token);
    }
}
