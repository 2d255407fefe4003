package cn.jincheng.brigades.common.domain.time;

import cn.jincheng.brigades.common.config.BusinessTimeAutoConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.testing.TestTime;

/** "Today" is a date of the business zone, at midnight, at the turn of the year and on 29 February. */
class TimeSourceTest {

    @Test
    void theBusinessDayTurnsAtMidnightInTheBusinessZoneNotInUtc() {
        assertThat(TestTime.at(Instant.parse("2019-11-15T15:59:59Z")).today()).isEqualTo(LocalDate.of(2019, 11, 15));
        assertThat(TestTime.at(Instant.parse("2019-11-15T16:00:00Z")).today()).isEqualTo(LocalDate.of(2019, 11, 16));
        assertThat(TestTime.timeSource().today()).isEqualTo(TestTime.TODAY);
    }

    @Test
    void theYearTurnsInTheBusinessZone() {
        TimeSource lastSecondOf2019 = TestTime.at(Instant.parse("2019-12-31T15:59:59Z"));
        TimeSource newYear = TestTime.at(Instant.parse("2019-12-31T16:00:00Z"));
        assertThat(lastSecondOf2019.today()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(newYear.today()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(lastSecondOf2019.dayWithin(2019)).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(newYear.dayWithin(2019)).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(newYear.dayWithin(2020)).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    @Test
    void aLeapDayIsADayOfItsOwn() {
        TimeSource leapDay = TestTime.at(Instant.parse("2020-02-28T16:00:00Z"));
        assertThat(leapDay.today()).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(leapDay.dayWithin(2020)).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(leapDay.dateOf(Instant.parse("2020-02-29T15:59:59Z"))).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(leapDay.dateOf(Instant.parse("2020-02-29T16:00:00Z"))).isEqualTo(LocalDate.of(2020, 3, 1));
    }

    @Test
    void aYearIsJudgedOnTodayWhileItRunsOnItsLastDayAfterAndOnItsFirstDayBefore() {
        TimeSource now = TestTime.timeSource();
        assertThat(now.dayWithin(2019)).isEqualTo(TestTime.TODAY);
        assertThat(now.dayWithin(2018)).isEqualTo(LocalDate.of(2018, 12, 31));
        assertThat(now.dayWithin(2021)).isEqualTo(LocalDate.of(2021, 1, 1));
    }
}
