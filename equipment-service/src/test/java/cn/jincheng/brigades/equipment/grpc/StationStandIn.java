package cn.jincheng.brigades.equipment.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import cn.jincheng.brigades.common.identity.Caller;
import cn.jincheng.brigades.common.identity.CallerContext;
import cn.jincheng.brigades.common.identity.CallerInterceptor;
import cn.jincheng.brigades.common.identity.InternalTokenVerifier;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesResponse;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * station-service as equipment-service sees it, on a real gRPC server: brigades whose id starts
 * with their county, "nope-" ids unknown, clerks limited to their county — with identity verified
 * by the real interceptor, so the relayed caller is checked too.
 */
final class StationStandIn extends StationServiceGrpc.StationServiceImplBase {

    private final int port;
    private final InternalTokenVerifier verifier;
    private Server server;

    StationStandIn(int port, InternalTokenVerifier verifier) {
        this.port = port;
        this.verifier = verifier;
    }

    void start() {
        try {
            server = NettyServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(this, new CallerInterceptor(verifier))).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() throws InterruptedException {
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
