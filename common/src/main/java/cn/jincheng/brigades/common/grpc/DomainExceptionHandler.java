package cn.jincheng.brigades.common.grpc;

import cn.jincheng.brigades.common.domain.errors.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * Answers a call whose handler threw with the matching gRPC status, so that services refuse by
 * throwing {@link DomainException}s. Unexpected exceptions are logged here and answered INTERNAL
 * without detail; an unreachable store is UNAVAILABLE.
 */
public final class DomainExceptionHandler implements GrpcExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DomainExceptionHandler.class);

    @Override
    public StatusException handleException(Throwable e) {
        StatusRuntimeException status = translate(e);
        return new StatusException(status.getStatus(), status.getTrailers());
    }

    /** The status a failure is answered with (also for stream handlers that answer by themselves). */
    public static StatusRuntimeException translate(Throwable e) {
        if (e instanceof DomainException d) {
            return GrpcErrors.toStatus(d);
        }
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof MongoSocketException || e instanceof MongoTimeoutException) {
            log.warn("store unreachable: {}", e.getMessage());
            return GrpcErrors.unavailable("the data store");
        }
        if (e instanceof MongoException) {
            log.error("store error", e);
            return GrpcErrors.internal();
        }
        log.error("unexpected failure", e);
        return GrpcErrors.internal();
    }
}
