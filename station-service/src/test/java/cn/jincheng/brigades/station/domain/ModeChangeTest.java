package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.errors.StateConflictException;

class ModeChangeTest {

    private final Plan plan = PlanFixtures.jincheng2019();
    private static final LocalDate TODAY = LocalDate.of(2019, 8, 1);

    @Test
    void deferringRemovesAllMilestones() {
        Brigade after = ModeChange.apply(PlanFixtures.brigade(ConstructionMode.SELF_BUILT), plan,
                ConstructionMode.DEFERRED, TODAY);
        assertThat(after.mode()).isEqualTo(ConstructionMode.DEFERRED);
        assertThat(after.milestones()).isEmpty();
        assertThat(after.version()).isEqualTo(2);
    }

    @Test
    void activatingADeferredTownGivesTheFullSetWithMovedDates() {
        Brigade after = ModeChange.apply(PlanFixtures.brigade(ConstructionMode.DEFERRED), plan,
                ConstructionMode.ADAPTED, LocalDate.of(2020, 6, 6)); // 366 days after issue
        assertThat(after.milestones()).extracting(Milestone::id).containsExactly("mobilisation", "benchmark-study",
                "construction-complete", "acceptance", "full-standard");
        assertThat(after.milestone("mobilisation").orElseThrow().dueDate()).isEqualTo(LocalDate.of(2020, 6, 25));
        assertThat(after.milestone("full-standard").orElseThrow().dueDate()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void betweenActiveModesSharedMilestonesKeepTheirState() {
        Brigade selfBuilt = PlanFixtures.brigade(ConstructionMode.SELF_BUILT);
        Milestone accepted = selfBuilt.milestone("mobilisation").orElseThrow()
                .submit("e", "c", Instant.EPOCH).decide(true, null, "i", Instant.EPOCH);
        Brigade withProgress = selfBuilt.withMilestone(accepted);
        Brigade adapted = ModeChange.apply(withProgress, plan, ConstructionMode.ADAPTED, TODAY);
        assertThat(adapted.milestone("mobilisation").orElseThrow().status()).isEqualTo(MilestoneStatus.ACCEPTED);
        assertThat(adapted.milestone("full-standard")).isPresent();
        Brigade existing = ModeChange.apply(adapted, plan, ConstructionMode.EXISTING, TODAY);
        assertThat(existing.milestones()).extracting(Milestone::id).containsExactly("mobilisation", "acceptance");
        assertThat(existing.milestone("mobilisation").orElseThrow().status()).isEqualTo(MilestoneStatus.ACCEPTED);
    }

    @Test
    void changingToTheSameModeIsRefused() {
        assertThatThrownBy(() -> ModeChange.apply(PlanFixtures.brigade(ConstructionMode.EXISTING), plan,
                ConstructionMode.EXISTING, TODAY)).isInstanceOf(StateConflictException.class);
    }
}
