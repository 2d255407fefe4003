package cn.jincheng.brigades.common.domain.errors;

/**
 * A file the system will not keep: too large (for itself or for its record), or of a type that is
 * not allowed. The REST face answers 413 or 415.
 */
public final class UnacceptableContentException extends DomainException {

    public enum Reason {
        TOO_LARGE, UNSUPPORTED_TYPE
    }

    private final Reason reason;

    public UnacceptableContentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
