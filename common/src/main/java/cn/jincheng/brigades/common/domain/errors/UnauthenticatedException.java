package cn.jincheng.brigades.common.domain.errors;

/** No verifiable caller identity. UNAUTHENTICATED. */
public final class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(message);
    }
}
