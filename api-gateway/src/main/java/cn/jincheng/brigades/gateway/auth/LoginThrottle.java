package cn.jincheng.brigades.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows password guessing: after {@code maxFailures} wrong passwords for one user name within
 * {@code window}, further attempts for that name are refused (429) until the oldest failure leaves
 * the window. A success clears the user's record. Kept per gateway instance, in memory bounded in
 * entries (100,000 names, at most {@code maxFailures} instants each) and time (twice the window
 * after a name's last failure), and never cleared as a whole, so a flood of invented names cannot
 * lift a lockout. It exists only where the local accounts do ({@code brigades.auth.local.enabled},
 * the local profile run.sh starts: one gateway); everywhere else the city's OIDC provider takes
 * the passwords and throttles them for every replica at once (docs/adr/0011).
 */
public final class LoginThrottle {

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> failures;

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        // a name's failures matter for one window after its last one; a flood of invented names
        // evicts the rarely tried ones first, never the whole table
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window.multipliedBy(2)).build();
    }

    /** Seconds until the user may try again; 0 when they may try now. */
    public long retryAfterSeconds(String username) {
        Deque<Instant> recent = failures.getIfPresent(key(username));
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
        Deque<Instant> recent = failures.get(key(username), k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
            // failures sent at once may all pass the check; only the newest maxFailures decide
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    public void succeeded(String username) {
        failures.invalidate(key(username));
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
