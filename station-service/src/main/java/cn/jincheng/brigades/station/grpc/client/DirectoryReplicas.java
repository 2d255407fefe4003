package cn.jincheng.brigades.station.grpc.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.common.grpc.client.DependencyClient;
import cn.jincheng.brigades.proto.directory.v1.BrigadeDirectoryReplicaGrpc;
import cn.jincheng.brigades.proto.directory.v1.DirectoryEntry;
import cn.jincheng.brigades.proto.directory.v1.GetReplicaStateRequest;
import cn.jincheng.brigades.proto.directory.v1.ReplicateBrigadesRequest;
import cn.jincheng.brigades.station.domain.DirectoryCopies;

/** The services keeping a copy of the brigade directory, called with station-service's own identity. */
public final class DirectoryReplicas implements DirectoryCopies, AutoCloseable {

    private final Map<String, DependencyClient<BrigadeDirectoryReplicaGrpc.BrigadeDirectoryReplicaBlockingStub>> copies =
            new LinkedHashMap<>();

    public DirectoryReplicas(List<DependencyClient<BrigadeDirectoryReplicaGrpc.BrigadeDirectoryReplicaBlockingStub>> clients) {
        clients.forEach(c -> copies.put(c.service(), c));
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(copies.keySet());
    }

    @Override
    public long size(String copy) {
        return copies.get(copy).read(s -> s.getReplicaState(GetReplicaStateRequest.getDefaultInstance())).getBrigades();
    }

    @Override
    public void add(String copy, Map<String, String> countyByBrigade) {
        ReplicateBrigadesRequest.Builder request = ReplicateBrigadesRequest.newBuilder();
        countyByBrigade.forEach((brigade, county) -> request.addEntries(
                DirectoryEntry.newBuilder().setBrigadeId(brigade).setCountyId(county)));
        // adding is idempotent: safe to send again after a lost answer
        copies.get(copy).read(s -> s.replicateBrigades(request.build()));
    }

    @Override
    public void close() throws InterruptedException {
        for (var client : copies.values()) {
            client.close();
        }
    }
}
