package cn.jincheng.brigades.common.errors;

import io.grpc.Status;

/** No verifiable caller identity. UNAUTHENTICATED. */
public final class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message);
    }

    @Override
    public Status.Code code() {
        return Status.Code.UNAUTHENTICATED;
    }
}
