package cn.jincheng.brigades.common.grpc;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.jincheng.brigades.common.domain.directory.DirectoryReplication;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.proto.directory.v1.BrigadeDirectoryReplicaGrpc;
import cn.jincheng.brigades.proto.directory.v1.DirectoryEntry;
import cn.jincheng.brigades.proto.directory.v1.GetReplicaStateRequest;
import cn.jincheng.brigades.proto.directory.v1.ReplicaState;
import cn.jincheng.brigades.proto.directory.v1.ReplicateBrigadesRequest;
import cn.jincheng.brigades.proto.directory.v1.ReplicateBrigadesResponse;
import io.grpc.stub.StreamObserver;

/** directory.v1 in a service that keeps a copy of the brigade directory: maps messages, delegates. */
public final class DirectoryReplicaGrpcService extends BrigadeDirectoryReplicaGrpc.BrigadeDirectoryReplicaImplBase {

    private final DirectoryReplication replication;

    public DirectoryReplicaGrpcService(DirectoryReplication replication) {
        this.replication = replication;
    }

    @Override
    public void replicateBrigades(ReplicateBrigadesRequest request, StreamObserver<ReplicateBrigadesResponse> out) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (DirectoryEntry e : request.getEntriesList()) {
            entries.put(e.getBrigadeId(), e.getCountyId());
        }
        Replies.reply(out, ReplicateBrigadesResponse.newBuilder()
                .setAdded(replication.replicate(CallerContext.current(), entries)).build());
    }

    @Override
    public void getReplicaState(GetReplicaStateRequest request, StreamObserver<ReplicaState> out) {
        Replies.reply(out, ReplicaState.newBuilder().setBrigades(replication.size(CallerContext.current())).build());
    }
}
