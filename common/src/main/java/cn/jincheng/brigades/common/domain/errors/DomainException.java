package cn.jincheng.brigades.common.domain.errors;

import cn.jincheng.brigades.common.grpc.GrpcErrors;

/**
 * A refusal the caller can act on: plain Java, so that domains can throw it. Which status it
 * becomes on the wire is decided in one place, at the gRPC edge ({@code GrpcErrors}); the message
 * goes to the caller, so it never carries internals.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
