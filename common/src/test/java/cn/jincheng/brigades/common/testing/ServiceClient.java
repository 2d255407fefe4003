package cn.jincheng.brigades.common.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.jincheng.brigades.common.grpc.identity.BearerCallCredentials;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;

/**
 * A test's way into a service under test: a real channel on loopback and callers signed with the
 * same identity key the service trusts, as the gateway signs them.
 */
public final class ServiceClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final InternalTokenIssuer issuer;

    public ServiceClient(int port, Path identityKeyFile) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        this.issuer = new InternalTokenIssuer(IdentityKeyStore.loadOrCreate(identityKeyFile), Duration.ofMinutes(2),
                TestTime.clock());
    }

    public ManagedChannel channel() {
        return channel;
    }

    public InternalTokenIssuer issuer() {
        return issuer;
    }

    /** The stub calling as this caller, with a deadline. */
    public <S extends AbstractStub<S>> S as(S stub, Caller caller) {
        return stub.withCallCredentials(new BearerCallCredentials(issuer.issue(caller)))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
