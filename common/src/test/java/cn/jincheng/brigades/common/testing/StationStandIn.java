package cn.jincheng.brigades.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.common.grpc.identity.CallerInterceptor;
import cn.jincheng.brigades.common.tokens.InternalTokenVerifier;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesResponse;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.BrigadeStandard;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest;
import cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsResponse;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * station-service as the other services see it, on a real gRPC server: brigades whose id starts
 * with their county, "nope-" ids unknown, clerks limited to their county — with identity verified
 * by the real interceptor, so the relayed caller is checked too.
 */
public final class StationStandIn extends StationServiceGrpc.StationServiceImplBase {

    private final int port;
    private final java.util.Set<String> knownBrigades = new java.util.concurrent.ConcurrentSkipListSet<>();
    private final InternalTokenVerifier verifier;
    private Server server;

    public StationStandIn(int port, InternalTokenVerifier verifier) {
        this.port = port;
        this.verifier = verifier;
    }

    public void start() {
        try {
            server = NettyServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(this, new CallerInterceptor(verifier))).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private static Brigade brigade(String id) {
        return Brigade.newBuilder().setId(id).setCountyId(id.substring(0, id.indexOf('-'))).setVersion(1).build();
    }

    @Override
    public void getBrigade(GetBrigadeRequest request, StreamObserver<Brigade> out) {
        Caller caller = CallerContext.current();
        if (request.getId().startsWith("nope-")) {
            out.onError(Status.NOT_FOUND.withDescription("brigade '" + request.getId() + "' does not exist").asRuntimeException());
        } else if (!caller.sees(brigade(request.getId()).getCountyId())) {
            out.onError(Status.PERMISSION_DENIED.withDescription("another county").asRuntimeException());
        } else {
            out.onNext(brigade(request.getId()));
            out.onCompleted();
        }
    }

    /** Every brigade the stand-in knows is LEVEL_TWO on the full standard, but "-deferred" ids (none). */
    @Override
    public void listBrigadeStandards(ListBrigadeStandardsRequest request, StreamObserver<ListBrigadeStandardsResponse> out) {
        Caller caller = CallerContext.current();
        if (!caller.sees(request.getCountyId())) {
            out.onError(Status.PERMISSION_DENIED.withDescription("another county").asRuntimeException());
            return;
        }
        ListBrigadeStandardsResponse.Builder response = ListBrigadeStandardsResponse.newBuilder();
        for (String id : knownBrigades) {
            if (id.startsWith(request.getCountyId() + "-")) {
                response.addBrigades(BrigadeStandard.newBuilder().setBrigadeId(id).setCountyId(request.getCountyId())
                        .setLevel("LEVEL_TWO").setTier(id.endsWith("-deferred") ? "NONE" : "FULL"));
            }
        }
        out.onNext(response.build());
        out.onCompleted();
    }

    /** Brigades that ListBrigadeStandards lists (any id is known to GetBrigade). */
    public void know(String... ids) {
        knownBrigades.addAll(java.util.List.of(ids));
    }

    @Override
    public void batchGetBrigades(BatchGetBrigadesRequest request, StreamObserver<BatchGetBrigadesResponse> out) {
        Caller caller = CallerContext.current();
        BatchGetBrigadesResponse.Builder response = BatchGetBrigadesResponse.newBuilder();
        request.getIdsList().stream().filter(id -> !id.startsWith("nope-")).map(StationStandIn::brigade)
                .filter(b -> caller.sees(b.getCountyId())).forEach(response::addBrigades);
        out.onNext(response.build());
        out.onCompleted();
    }
}
