package cn.jincheng.brigades.common.grpc.identity;

import java.util.concurrent.Executor;

import io.grpc.CallCredentials;
import io.grpc.Metadata;

/** Attaches a caller's identity token to one outgoing gRPC call. */
public final class BearerCallCredentials extends CallCredentials {

    private final String token;

    public BearerCallCredentials(String token) {
        this.token = token;
    }

    @Override
    public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(CallerContext.AUTHORIZATION, CallerContext.BEARER + token);
        applier.apply(headers);
    }
}
