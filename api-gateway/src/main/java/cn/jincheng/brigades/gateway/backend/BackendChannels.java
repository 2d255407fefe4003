package cn.jincheng.brigades.gateway.backend;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.google.common.util.concurrent.MoreExecutors;

import io.grpc.Channel;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.stub.AbstractStub;
import io.grpc.netty.NettyChannelBuilder;

/**
 * One long-lived channel per service, shared by every request. A {@code dns:///} target with
 * round_robin spreads calls over all addresses of a headless Kubernetes Service; a plain
 * {@code host:port} is one address.
 */
@Component
public class BackendChannels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackendChannels.class);

    private final Map<Backend, ManagedChannel> channels = new EnumMap<>(Backend.class);

    public BackendChannels(BackendProperties properties, cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry telemetry) {
        for (Backend backend : Backend.values()) {
            channels.put(backend, NettyChannelBuilder.forTarget(properties.addressOf(backend))
                    .usePlaintext()
                    .defaultLoadBalancingPolicy("round_robin")
                    .keepAliveTime(30, TimeUnit.SECONDS)
                    .keepAliveWithoutCalls(false)
                    // retries are the gateway's own policy (reads only); gRPC's buffered transparent
                    // retry of every call is not needed and was a twentieth of the allocation
                    .disableRetry()
                    .maxInboundMessageSize(16 * 1024 * 1024)
                    .intercept(telemetry.interceptor(), new IdempotencyForwarding())
                    .build());
        }
    }

    /**
     * A stub of the backend for unary calls ({@code XServiceGrpc::newFutureStub}), whose answer
     * completes the request's Mono on gRPC's own transport thread. By default gRPC hands every answer to its executor, a second thread, before the rest
     * of the request (mapping, JSON, the write to the HTTP connection) runs there: one more thread
     * hop per request, which the gateway's profile showed on a fifth of its samples. Nothing that
     * follows a unary answer blocks (spreadsheets and files move to {@code boundedElastic}).
     * Streams keep the executor: their observers pass demand back and forth with the subscriber.
     */
    public <S extends AbstractStub<S>> S unaryStub(Backend backend, Function<Channel, S> newFutureStub) {
        return newFutureStub.apply(channel(backend)).withExecutor(MoreExecutors.directExecutor());
    }

    public ManagedChannel channel(Backend backend) {
        return channels.get(backend);
    }

    /**
     * gRPC waits longer and longer between reconnection attempts to a service that is down (up to
     * two minutes). A restarted service should be used again within seconds, so the health checker
     * calls this to try again now.
     */
    public void reconnectIfFailing(Backend backend) {
        ManagedChannel channel = channels.get(backend);
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        for (Map.Entry<Backend, ManagedChannel> e : channels.entrySet()) {
            e.getValue().shutdown();
        }
        for (Map.Entry<Backend, ManagedChannel> e : channels.entrySet()) {
            if (!e.getValue().awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("channel to {} did not close in time", e.getKey().serviceName());
                e.getValue().shutdownNow();
            }
        }
    }
}
