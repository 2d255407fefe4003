package cn.jincheng.brigades.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.testing.MovableClock;

/** The local login's lockout: per name, a sliding window, lifted only by time or a success. */
class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    @Test
    void fiveFailuresLockTheNameUntilTheOldestLeavesTheWindow() {
        MovableClock clock = new MovableClock(Instant.parse("2019-08-01T02:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(5, WINDOW, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.retryAfterSeconds("clerk-zezhou")).isZero();
            throttle.failed("clerk-zezhou");
            clock.advance(Duration.ofMinutes(1));
        }
        // five minutes after the first failure: it leaves the window ten minutes from now
        assertThat(throttle.retryAfterSeconds(" Clerk-Zezhou ")).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(throttle.retryAfterSeconds("clerk-gaoping")).isZero();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(throttle.retryAfterSeconds("clerk-zezhou")).isZero();
    }

    @Test
    void aFloodOfOtherNamesDoesNotLiftALockout() {
        MovableClock clock = new MovableClock(Instant.parse("2019-08-01T02:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(5, WINDOW, clock);
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin");
        }
        for (int i = 0; i < 20_000; i++) {
            throttle.failed("invented-" + i);
        }
        assertThat(throttle.retryAfterSeconds("admin")).isPositive();
        throttle.succeeded("admin");
        assertThat(throttle.retryAfterSeconds("admin")).isZero();
    }

    @Test
    void failuresSentAtOnceKeepOnlyTheNewestAndTheLockLastsOneWindowFromTheNewestFive() {
        MovableClock clock = new MovableClock(Instant.parse("2019-08-01T02:00:00Z"));
        LoginThrottle throttle = new LoginThrottle(5, WINDOW, clock);
        for (int i = 0; i < 50; i++) {
            throttle.failed("admin");
            clock.advance(Duration.ofSeconds(10));
        }
        // the newest five failures began 50 s before the last one
        assertThat(throttle.retryAfterSeconds("admin")).isEqualTo(WINDOW.toSeconds() - 50);
    }
}
