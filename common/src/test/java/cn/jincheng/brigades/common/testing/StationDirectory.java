package cn.jincheng.brigades.common.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import cn.jincheng.brigades.common.grpc.identity.BearerCallCredentials;
import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.proto.directory.v1.BrigadeDirectoryReplicaGrpc;
import cn.jincheng.brigades.proto.directory.v1.DirectoryEntry;
import cn.jincheng.brigades.proto.directory.v1.ReplicateBrigadesRequest;
import io.grpc.ManagedChannel;

/**
 * station-service as a service with a copy of its brigade directory sees it: brigades sent with
 * station-service's own identity (its key, in the test's data directory). A brigade's county is
 * the part of its id before the first dash, as in the plan's ids ({@code zezhou-gaodu}).
 */
public final class StationDirectory {

    private final ManagedChannel channel;
    private final InternalTokenIssuer issuer;

    public StationDirectory(ManagedChannel channel, Path stationKeyFile) {
        this.channel = channel;
        this.issuer = InternalTokenIssuer.forStation(IdentityKeyStore.loadOrCreate(stationKeyFile), Duration.ofMinutes(2),
                TestTime.clock());
    }

    /** Sends these brigades to the service's copy. @return how many the copy did not hold */
    public int send(String... brigadeIds) {
        ReplicateBrigadesRequest.Builder request = ReplicateBrigadesRequest.newBuilder();
        for (String id : brigadeIds) {
            request.addEntries(DirectoryEntry.newBuilder().setBrigadeId(id).setCountyId(id.substring(0, id.indexOf('-'))));
        }
        return stub().replicateBrigades(request.build()).getAdded();
    }

    /** The replica's stub with station-service's identity. */
    public BrigadeDirectoryReplicaGrpc.BrigadeDirectoryReplicaBlockingStub stub() {
        return BrigadeDirectoryReplicaGrpc.newBlockingStub(channel)
                .withCallCredentials(new BearerCallCredentials(issuer.issue(InternalTokenIssuer.stationService())))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }
}
