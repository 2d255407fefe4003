package cn.jincheng.brigades.common.grpc;

import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.errors.DependencyUnavailableException;
import cn.jincheng.brigades.common.domain.errors.DomainException;
import cn.jincheng.brigades.common.domain.errors.FieldViolation;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.errors.UnacceptableContentException;
import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Turns domain refusals into gRPC status with google.rpc details: BadRequest field violations for
 * INVALID_ARGUMENT, PreconditionFailure (with the current version) for ABORTED, so that the
 * gateway can build problem+json field errors and ETags from them.
 */
public final class GrpcErrors {

    public static final String DOMAIN = "brigades.jincheng.cn";
    public static final String STALE_VERSION = "STALE_VERSION";
    public static final String CURRENT_VERSION = "currentVersion";
    /** A service this one depends on did not answer; metadata {@code service} names it. */
    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";
    public static final String SERVICE = "service";
    /** A file refused for its size (REST 413) or its type (REST 415): the reason of the ErrorInfo. */
    public static final String CONTENT_TOO_LARGE = "CONTENT_TOO_LARGE";
    public static final String UNSUPPORTED_CONTENT_TYPE = "UNSUPPORTED_CONTENT_TYPE";

    private GrpcErrors() {
    }

    /** The one place where a domain refusal gets its gRPC status code. */
    public static Status.Code code(DomainException e) {
        if (e instanceof ValidationException) {
            return Status.Code.INVALID_ARGUMENT;
        } else if (e instanceof NotFoundException) {
            return Status.Code.NOT_FOUND;
        } else if (e instanceof AccessDeniedException) {
            return Status.Code.PERMISSION_DENIED;
        } else if (e instanceof UnauthenticatedException) {
            return Status.Code.UNAUTHENTICATED;
        } else if (e instanceof StaleVersionException) {
            return Status.Code.ABORTED;
        } else if (e instanceof StateConflictException) {
            return Status.Code.FAILED_PRECONDITION;
        } else if (e instanceof DependencyUnavailableException) {
            return Status.Code.UNAVAILABLE;
        } else if (e instanceof UnacceptableContentException) {
            return Status.Code.INVALID_ARGUMENT;
        }
        throw new IllegalArgumentException("no gRPC status for " + e.getClass().getName());
    }

    public static StatusRuntimeException toStatus(DomainException e) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(e).value())
                .setMessage(e.getMessage());
        if (e instanceof ValidationException v) {
            BadRequest.Builder bad = BadRequest.newBuilder();
            v.violations().forEach(fv -> bad.addFieldViolations(
                    BadRequest.FieldViolation.newBuilder().setField(fv.field()).setDescription(fv.message())));
            status.addDetails(Any.pack(bad.build()));
        } else if (e instanceof StaleVersionException s) {
            status.addDetails(Any.pack(PreconditionFailure.newBuilder()
                    .addViolations(PreconditionFailure.Violation.newBuilder()
                            .setType(STALE_VERSION).setSubject("version").setDescription(s.getMessage()))
                    .build()));
            status.addDetails(Any.pack(ErrorInfo.newBuilder()
                    .setReason(STALE_VERSION).setDomain(DOMAIN)
                    .putMetadata(CURRENT_VERSION, Long.toString(s.currentVersion()))
                    .build()));
        }
        if (e instanceof UnacceptableContentException u) {
            status.addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(DOMAIN)
                    .setReason(u.reason() == UnacceptableContentException.Reason.TOO_LARGE ? CONTENT_TOO_LARGE
                            : UNSUPPORTED_CONTENT_TYPE)
                    .build()));
        }
        if (e instanceof DependencyUnavailableException d) {
            status.addDetails(Any.pack(ErrorInfo.newBuilder()
                    .setReason(DEPENDENCY_UNAVAILABLE).setDomain(DOMAIN)
                    .putMetadata(SERVICE, d.service()).putMetadata("timeout", Boolean.toString(d.timedOut()))
                    .build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** The ErrorInfo of a status, if it carries one. */
    public static java.util.Optional<ErrorInfo> errorInfo(Throwable e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return java.util.Optional.empty();
        }
        return status.getDetailsList().stream().filter(a -> a.is(ErrorInfo.class)).findFirst().map(a -> {
            try {
                return a.unpack(ErrorInfo.class);
            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                return null;
            }
        });
    }

    /** A bug or an outage below us: the caller learns nothing of internals. */
    public static StatusRuntimeException internal() {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INTERNAL_VALUE).setMessage("internal error").build());
    }

    public static StatusRuntimeException unavailable(String what) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE).setMessage(what + " is unavailable").build());
    }
}
