package cn.jincheng.brigades.common.errors;

import io.grpc.Status;

/** The caller's role or county does not allow this. PERMISSION_DENIED. */
public final class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public Status.Code code() {
        return Status.Code.PERMISSION_DENIED;
    }
}
