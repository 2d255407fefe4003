package cn.jincheng.brigades.common.domain.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Idempotency-Key of the request a service is executing on this thread, so that the store can
 * write it into the changed document in the same single-document write as the change (see
 * {@code IdempotencyMarks}). That mark is what tells a retry, after the service died between the
 * change and storing its answer, that the change was made: it is never made twice.
 *
 * @param caller the verified caller's subject
 * @param key    the client's Idempotency-Key
 * @param at     when the request was claimed
 */
public record IdempotencyMark(String caller, String key, Instant at) {

    private static final ThreadLocal<IdempotencyMark> CURRENT = new ThreadLocal<>();

    public IdempotencyMark {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(at, "at");
    }

    /** The mark of the request running on this thread, or null. */
    public static IdempotencyMark current() {
        return CURRENT.get();
    }

    /** Runs the work with this mark current (the gRPC handlers of our services are synchronous). */
    public <T> T during(Supplier<T> work) {
        IdempotencyMark outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    public void during(Runnable work) {
        during(() -> {
            work.run();
            return null;
        });
    }
}
