package cn.jincheng.brigades.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Now" and "today" where the plan's dates are meant: the city's time zone, not the server's. */
public record TimeSource(Clock clock, ZoneId zone) {

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
