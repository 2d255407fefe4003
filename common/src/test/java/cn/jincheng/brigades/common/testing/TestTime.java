package cn.jincheng.brigades.common.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import cn.jincheng.brigades.common.domain.time.TimeSource;

/**
 * The time every test runs at, whatever the hour or the machine's zone: half past midnight on
 * 16 November 2019 in the business zone, inside the plan's acceptance window. In UTC and every zone
 * west of it (where CI machines and the build's second test run are) it is still the 15th, so code
 * that takes "today" from the machine instead of the business clock is a day off, every time.
 */
public final class TestTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant NOW = Instant.parse("2019-11-15T16:30:00Z");
    public static final LocalDate TODAY = LocalDate.of(2019, 11, 16);

    private TestTime() {
    }

    /**
     * A clock that starts at {@link #NOW} and moves one millisecond each time it is read: the date
     * stays fixed for any test, and writes made one after another still get distinct, ordered times.
     */
    public static Clock clock() {
        return new Ticking(NOW);
    }

    public static TimeSource timeSource() {
        return new TimeSource(clock(), ZONE);
    }

    /** The business clock at a given instant, for cases at a boundary (midnight, year end, 29 February). */
    public static TimeSource at(Instant instant) {
        return new TimeSource(Clock.fixed(instant, ZoneOffset.UTC), ZONE);
    }

    private static final class Ticking extends Clock {

        private final Instant start;
        private final AtomicLong reads = new AtomicLong();

        Ticking(Instant start) {
            this.start = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return start.plusMillis(reads.getAndIncrement());
        }
    }

    /** Put on a Spring test ({@code @Import}) so that the whole process runs on {@link TestTime}'s clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class FixedClock {

        @Bean
        Clock clock() {
            return TestTime.clock();
        }
    }
}
