package cn.jincheng.brigades.common.grpc.identity;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.tokens.InternalTokenVerifier;
import java.util.Set;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;

/**
 * Refuses every call that does not carry a verifiable caller identity, before the service sees it,
 * and puts the verified caller into the call's context. The standard health and reflection
 * services stay open: probes carry no identity.
 */
public final class CallerInterceptor implements ServerInterceptor {

    private static final Set<String> OPEN_SERVICES =
            Set.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                    "grpc.reflection.v1alpha.ServerReflection");

    private final InternalTokenVerifier verifier;

    public CallerInterceptor(InternalTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (OPEN_SERVICES.contains(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Caller caller;
        String token = bearerToken(headers.get(CallerContext.AUTHORIZATION));
        try {
            caller = verifier.verify(token);
        } catch (UnauthenticatedException e) {
            call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current().withValue(CallerContext.CALLER, caller)
                .withValue(CallerContext.TOKEN, token);
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static String bearerToken(String header) {
        if (header == null || !header.startsWith(CallerContext.BEARER)) {
            return null;
        }
        return header.substring(CallerContext.BEARER.length()).trim();
    }
}
