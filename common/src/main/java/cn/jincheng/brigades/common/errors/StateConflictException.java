package cn.jincheng.brigades.common.errors;

import io.grpc.Status;

/** The request does not fit the current state (e.g. deciding an unsubmitted milestone). FAILED_PRECONDITION. */
public final class StateConflictException extends DomainException {
    public StateConflictException(String message) {
        super(message);
    }

    @Override
    public Status.Code code() {
        return Status.Code.FAILED_PRECONDITION;
    }
}
