package cn.jincheng.brigades.gateway.backend;

/**
 * A call to a service that did not get an answer: the service is down, its breaker is open, or it
 * did not answer in time. Carries which service, for the 503/504 problem body.
 */
public final class BackendFailure extends RuntimeException {

    public enum Kind {
        UNAVAILABLE,
        TIMEOUT
    }

    private final Backend backend;
    private final Kind kind;

    public BackendFailure(Backend backend, Kind kind, Throwable cause) {
        super(backend.serviceName() + (kind == Kind.TIMEOUT ? " did not answer in time" : " is unavailable"), cause,
                false, false);
        this.backend = backend;
        this.kind = kind;
    }

    public Backend backend() {
        return backend;
    }

    public Kind kind() {
        return kind;
    }
}
