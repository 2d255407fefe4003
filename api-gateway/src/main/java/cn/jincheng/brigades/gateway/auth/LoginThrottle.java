package cn.jincheng.brigades.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords for one user name within
 * {@code window}, further attempts for that name are refused (429) until the oldest failure leaves
 * the window. A success clears the user's record. Kept per gateway instance, in memory.
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until the user may try again; 0 when they may try now. */
    public long retryAfterSeconds(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            prune(recent);
            if (recent.size() < maxFailures) {
                return 0;
            }
            return Math.max(1, Duration.between(clock.instant(), recent.peekFirst().plus(window)).toSeconds());
        }
    }

    public void failed(String username) {
        if (failures.size() > 100_000) {
            failures.clear(); // bounded under a flood of invented names
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private void prune(Deque<Instant> recent) {
        Instant oldest = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
            recent.removeFirst();
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
