package cn.jincheng.brigades.common.domain.time;

import cn.jincheng.brigades.common.config.BusinessTimeAutoConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The system's one way to the current time: "now" as an instant, and "today" as a date of the
 * city's business zone (the plan's dates are local dates of the city, whatever zone a process runs
 * in). Every process gets one from {@link BusinessTimeAutoConfiguration}; tests give it a fixed clock.
 */
public record TimeSource(Clock clock, ZoneId zone) {

    /** The wall clock: the only place main code reads the system clock (an architecture rule). */
    public static Clock systemClock() {
        return Clock.systemUTC();
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The date of an instant in the business zone (an audit entry's day, an inspection's day). */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * The day a year's state is judged on when the caller names none: today while the year runs,
     * its last day once it is over, its first day while it is still ahead.
     */
    public LocalDate dayWithin(int year) {
        LocalDate today = today();
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return today.isBefore(first) ? first : today.isAfter(last) ? last : today;
    }
}
