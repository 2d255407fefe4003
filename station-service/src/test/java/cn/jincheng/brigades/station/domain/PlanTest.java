package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanTest {

    private final Plan plan = PlanFixtures.jincheng2019();

    private List<String> ids(ConstructionMode mode) {
        return plan.milestonesFor("b", mode).stream().map(Milestone::id).toList();
    }

    @Test
    void milestonesFollowTheModeTableOfThePlan() {
        assertThat(ids(ConstructionMode.SELF_BUILT))
                .containsExactly("mobilisation", "benchmark-study", "construction-complete", "acceptance");
        assertThat(ids(ConstructionMode.JOINT_ENTERPRISE))
                .containsExactly("mobilisation", "benchmark-study", "construction-complete", "acceptance");
        assertThat(ids(ConstructionMode.ADAPTED))
                .containsExactly("mobilisation", "benchmark-study", "construction-complete", "acceptance", "full-standard");
        assertThat(ids(ConstructionMode.EXISTING)).containsExactly("mobilisation", "acceptance");
        assertThat(ids(ConstructionMode.DEFERRED)).isEmpty();
    }

    @Test
    void milestonesStartPendingOnThePlansDatesAndOnlyAcceptanceFollowsTheOutcome() {
        List<Milestone> milestones = plan.milestonesFor("b", ConstructionMode.ADAPTED);
        assertThat(milestones).allMatch(m -> m.status() == MilestoneStatus.PENDING && m.version() == 1);
        assertThat(milestones).extracting(Milestone::dueDate).containsExactly(LocalDate.of(2019, 6, 25),
                LocalDate.of(2019, 7, 15), LocalDate.of(2019, 10, 31), LocalDate.of(2019, 11, 30),
                LocalDate.of(2022, 12, 31));
        assertThat(milestones).filteredOn(Milestone::followsAcceptance).extracting(Milestone::id)
                .containsExactly("acceptance");
    }

    @Test
    void aLateStartMovesEveryDateByTheDelayKeepingThePlansSpacing() {
        LocalDate start = LocalDate.of(2020, 3, 1); // 269 days after the plan was issued
        List<Milestone> shifted = plan.milestonesStartingOn("b", ConstructionMode.SELF_BUILT, start);
        assertThat(shifted).extracting(Milestone::dueDate).containsExactly(LocalDate.of(2019, 6, 25).plusDays(269),
                LocalDate.of(2019, 7, 15).plusDays(269), LocalDate.of(2019, 10, 31).plusDays(269),
                LocalDate.of(2019, 11, 30).plusDays(269));
    }

    @Test
    void aStartBeforeTheIssueDateKeepsThePlansDates() {
        assertThat(plan.milestonesStartingOn("b", ConstructionMode.EXISTING, LocalDate.of(2019, 1, 1)))
                .extracting(Milestone::dueDate)
                .containsExactly(LocalDate.of(2019, 6, 25), LocalDate.of(2019, 11, 30));
    }

    @Test
    void thePlansYearsRunFromItsYearToItsLastDueDate() {
        assertThat(plan.covers(2018)).isFalse();
        assertThat(plan.covers(2019)).isTrue();
        assertThat(plan.covers(2022)).isTrue(); // the ADAPTED brigades' full-standard deadline
        assertThat(plan.covers(2023)).isFalse();
    }
}
