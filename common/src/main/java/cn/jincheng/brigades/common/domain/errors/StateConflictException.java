package cn.jincheng.brigades.common.domain.errors;

/** The request does not fit the current state (e.g. deciding an unsubmitted milestone). FAILED_PRECONDITION. */
public final class StateConflictException extends DomainException {
    public StateConflictException(String message) {
        super(message);
    }
}
