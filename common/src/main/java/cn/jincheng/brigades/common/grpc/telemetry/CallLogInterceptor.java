package cn.jincheng.brigades.common.grpc.telemetry;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * One log line per gRPC call a service answers: method, status, milliseconds, written inside the
 * call's observation so that it carries the trace id that came with the call. Off unless the
 * {@value #LOGGER} logger is at DEBUG ({@code LOGGING_LEVEL_CN_JINCHENG_BRIGADES_CALLS=DEBUG}): at
 * hundreds of calls a second it is for finding one request, not for every day.
 */
public final class CallLogInterceptor implements ServerInterceptor {

    public static final String LOGGER = "cn.jincheng.brigades.calls";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (!log.isDebugEnabled()) {
            return next.startCall(call, headers);
        }
        long started = System.nanoTime();
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                log.debug("{} {} {} ms", call.getMethodDescriptor().getFullMethodName(), status.getCode(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                super.close(status, trailers);
            }
        }, headers);
    }
}
