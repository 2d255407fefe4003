package cn.jincheng.brigades.gateway.backend;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
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
