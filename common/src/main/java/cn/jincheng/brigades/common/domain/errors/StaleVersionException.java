package cn.jincheng.brigades.common.domain.errors;

/** Optimistic concurrency: the caller's version is not the stored one. ABORTED. */
public final class StaleVersionException extends DomainException {

    private final long currentVersion;

    public StaleVersionException(String kind, String id, long expected, long current) {
        super(kind + " '" + id + "' is at version " + current + ", not " + expected
                + ": someone else changed it; read it again");
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
