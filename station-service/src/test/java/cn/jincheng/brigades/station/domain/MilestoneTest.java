package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.errors.StateConflictException;
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
