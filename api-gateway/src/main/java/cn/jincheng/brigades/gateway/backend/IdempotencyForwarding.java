package cn.jincheng.brigades.gateway.backend;

import java.util.function.Supplier;

import cn.jincheng.brigades.common.grpc.idempotency.IdempotencyHeaders;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import reactor.util.context.ContextView;

/**
 * Sends a request's Idempotency-Key and request hash with the writes it makes (never with its
 * reads), and notes when the service answered from its store. The key travels from the request's
 * Reactor context to the call in a gRPC context made current while {@link BackendCalls} creates
 * the call.
 */
final class IdempotencyForwarding implements ClientInterceptor {

    private static final Context.Key<IdempotentRequest> REQUEST = Context.key("brigades-idempotent-request");

    /** Creates the write's call with the request's key current, when it has one. */
    static <T> T inWrite(ContextView context, Supplier<T> call) {
        IdempotentRequest request = context.getOrDefault(IdempotentRequest.class, null);
        if (request == null) {
            return call.get();
        }
        Context previous = Context.current().withValue(REQUEST, request).attach();
        try {
            return call.get();
        } finally {
            Context.current().detach(previous);
        }
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        IdempotentRequest request = REQUEST.get();
        if (request == null) {
            return next.newCall(method, options);
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                headers.put(IdempotencyHeaders.KEY, request.key());
                headers.put(IdempotencyHeaders.REQUEST_HASH, request.requestHash());
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onHeaders(Metadata answer) {
                        if ("true".equals(answer.get(IdempotencyHeaders.REPLAYED))) {
                            request.replayed().set(true);
                        }
                        super.onHeaders(answer);
                    }
                }, headers);
            }
        };
    }
}
