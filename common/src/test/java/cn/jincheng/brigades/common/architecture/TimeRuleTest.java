package cn.jincheng.brigades.common.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import cn.jincheng.brigades.common.testing.ArchitectureRules;

/** The rule that keeps the machine's clock and zone out of main code: it holds, and it would catch a slip. */
class TimeRuleTest {

    @Test
    void commonsMainCodeTakesTheTimeFromTheBusinessClock() {
        ArchitectureRules.TIME_COMES_FROM_THE_BUSINESS_CLOCK.check(ArchitectureRules.mainClasses("cn.jincheng.brigades.common"));
    }

    @Test
    void everyWayOfReadingTheMachinesClockOrZoneIsCaught() {
        JavaClasses slips = new ClassFileImporter().importClasses(TodayFromTheMachine.class, InstantNow.class,
                SystemClock.class, Millis.class, MachineZone.class, NewDate.class);
        var result = ArchitectureRules.TIME_COMES_FROM_THE_BUSINESS_CLOCK.evaluate(slips);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).hasSize(6);
    }

    @Test
    void aClockHandedInIsAllowed() {
        var result = ArchitectureRules.TIME_COMES_FROM_THE_BUSINESS_CLOCK.evaluate(
                new ClassFileImporter().importClasses(TodayFromAClock.class));
        assertThat(result.hasViolation()).isFalse();
    }

    static class TodayFromTheMachine {
        LocalDate today() {
            return LocalDate.now();
        }
    }

    static class InstantNow {
        Instant now() {
            return Instant.now();
        }
    }

    static class SystemClock {
        Clock clock() {
            return Clock.systemDefaultZone();
        }
    }

    static class Millis {
        long now() {
            return System.currentTimeMillis();
        }
    }

    static class MachineZone {
        ZoneId zone() {
            return ZoneId.systemDefault();
        }
    }

    static class NewDate {
        Date now() {
            return new Date();
        }
    }

    static class TodayFromAClock {
        LocalDate today(Clock clock) {
            return LocalDate.now(clock);
        }
    }
}
