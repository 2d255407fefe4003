package cn.jincheng.brigades.common.errors;

import io.grpc.Status;

/**
 * A refusal the caller can act on. Each subclass names the gRPC status it becomes; the message
 * goes to the caller, so it never carries internals.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    public abstract Status.Code code();
}
