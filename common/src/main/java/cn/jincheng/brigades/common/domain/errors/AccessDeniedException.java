package cn.jincheng.brigades.common.domain.errors;

/** The caller's role or county does not allow this. PERMISSION_DENIED. */
public final class AccessDeniedException extends DomainException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
