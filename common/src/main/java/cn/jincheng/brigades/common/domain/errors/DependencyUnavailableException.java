package cn.jincheng.brigades.common.domain.errors;

/**
 * A service this one needs did not answer (down, breaker open, or too slow), with
 * the service named, so that callers can say which service is missing — and do not hold it
 * against this one.
 */
public final class DependencyUnavailableException extends DomainException {

    private final String service;
    private final boolean timedOut;

    public DependencyUnavailableException(String service, boolean timedOut) {
        super(service + (timedOut ? " did not answer in time" : " is unavailable"));
        this.service = service;
        this.timedOut = timedOut;
    }

    public String service() {
        return service;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
