package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MilestoneTest {

    private static final Instant NOW = Instant.parse("2019-07-01T02:00:00Z");
    private static final LocalDate DUE = LocalDate.of(2019, 7, 15);

    private static Milestone pending() {
        return Milestone.pending("b", "benchmark-study", "n", DUE, false);
    }

    @Test
    void submitThenAcceptIsTheHappyPath() {
        Milestone submitted = pending().submit("visited 巴公", "clerk-zezhou", NOW);
        assertThat(submitted.status()).isEqualTo(MilestoneStatus.SUBMITTED);
        assertThat(submitted.version()).isEqualTo(2);
        assertThat(submitted.evidence()).isEqualTo("visited 巴公");
        Milestone accepted = submitted.decide(true, "ok", "inspector", NOW);
        assertThat(accepted.status()).isEqualTo(MilestoneStatus.ACCEPTED);
        assertThat(accepted.submittedBy()).isEqualTo("clerk-zezhou");
        assertThat(accepted.decidedBy()).isEqualTo("inspector");
    }

    @Test
    void aRejectedMilestoneCanBeSubmittedAgainButAnAcceptedOneIsFinal() {
        Milestone rejected = pending().submit("e", "c", NOW).decide(false, "photos missing", "i", NOW);
        assertThat(rejected.status()).isEqualTo(MilestoneStatus.REJECTED);
        Milestone again = rejected.submit("e2", "c", NOW);
        assertThat(again.status()).isEqualTo(MilestoneStatus.SUBMITTED);
        assertThat(again.decisionComment()).isNull();
        Milestone accepted = again.decide(true, null, "i", NOW);
        assertThatThrownBy(() -> accepted.submit("e3", "c", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> accepted.decide(false, "x", "i", NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void aDecisionNeedsASubmissionAndASubmissionCannotBeRepeated() {
        assertThatThrownBy(() -> pending().decide(true, null, "i", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("only a SUBMITTED");
        Milestone submitted = pending().submit("e", "c", NOW);
        assertThatThrownBy(() -> submitted.submit("e", "c", NOW)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void theAcceptanceMilestoneIsNotSubmittedByHand() {
        Milestone acceptance = Milestone.pending("b", "acceptance", "n", DUE, true);
        assertThatThrownBy(() -> acceptance.submit("e", "c", NOW)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("acceptance");
    }

    @Test
    void overdueStartsTheDayAfterTheDueDate() {
        assertThat(pending().isOverdue(DUE)).isFalse();
        assertThat(pending().isOverdue(DUE.plusDays(1))).isTrue();
        assertThat(pending().daysOverdue(DUE.plusDays(10))).isEqualTo(10);
    }

    @Test
    void overdueDaysCountAcrossALeapDayAndTheTurnOfTheYear() {
        Milestone beforeLeapDay = Milestone.pending("b", "x", "n", LocalDate.of(2020, 2, 28), false);
        assertThat(beforeLeapDay.isOverdue(LocalDate.of(2020, 2, 29))).isTrue();
        assertThat(beforeLeapDay.daysOverdue(LocalDate.of(2020, 3, 1))).isEqualTo(2);
        Milestone yearEnd = Milestone.pending("b", "x", "n", LocalDate.of(2019, 12, 31), false);
        assertThat(yearEnd.isOverdue(LocalDate.of(2019, 12, 31))).isFalse();
        assertThat(yearEnd.daysOverdue(LocalDate.of(2020, 1, 1))).isEqualTo(1);
    }

    @Test
    void theAcceptanceMilestoneIsDueOnTheLastDayOfTheNovemberWindowAndOverdueFromDecember() {
        Milestone acceptance = Milestone.pending("b", "acceptance", "n", LocalDate.of(2019, 11, 30), true);
        assertThat(acceptance.isOverdue(LocalDate.of(2019, 11, 1))).isFalse();
        assertThat(acceptance.isOverdue(LocalDate.of(2019, 11, 30))).isFalse();
        assertThat(acceptance.daysOverdue(LocalDate.of(2019, 12, 1))).isEqualTo(1);
    }

    @Property
    void overdueDaysAreCalendarDaysWhateverTheDueDate(@ForAll("dueDates") LocalDate due,
            @ForAll("offsets") int daysAfterDue) {
        Milestone m = Milestone.pending("b", "x", "n", due, false);
        LocalDate asOf = due.plusDays(daysAfterDue);
        assertThat(m.daysOverdue(asOf)).isEqualTo(Math.max(0, daysAfterDue));
        assertThat(due.plusDays(m.daysOverdue(asOf))).isEqualTo(daysAfterDue > 0 ? asOf : due);
    }

    @Provide
    Arbitrary<LocalDate> dueDates() {
        // 2019-2032: three leap days, every month end and year end among them
        return Arbitraries.integers().between(0, 5000).map(d -> LocalDate.of(2019, 1, 1).plusDays(d))
                .edgeCases(c -> c.add(LocalDate.of(2020, 2, 29), LocalDate.of(2019, 12, 31), LocalDate.of(2019, 11, 30)));
    }

    @Property
    void overdueExactlyWhenPastDueAndNotAccepted(@ForAll("statuses") MilestoneStatus status,
            @ForAll("offsets") int daysAfterDue) {
        Milestone m = new Milestone("b", "x", "n", DUE, status, false, null, null, null, null, null, null, 1);
        LocalDate asOf = DUE.plusDays(daysAfterDue);
        assertThat(m.isOverdue(asOf)).isEqualTo(daysAfterDue > 0 && status != MilestoneStatus.ACCEPTED);
        assertThat(m.daysOverdue(asOf)).isEqualTo(m.isOverdue(asOf) ? daysAfterDue : 0);
    }

    @Provide
    Arbitrary<MilestoneStatus> statuses() {
        return Arbitraries.of(MilestoneStatus.class);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(-2000, 2000);
    }
}
