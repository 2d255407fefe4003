package cn.jincheng.brigades.station.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeLevel;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.Housing;
import cn.jincheng.brigades.station.domain.MilestoneDefinition;
import cn.jincheng.brigades.station.domain.Plan;

class ComplianceTierTest {

    private static final Plan PLAN = new Plan("p", "c", 2019, "s", LocalDate.of(2019, 6, 6), List.of(
            new MilestoneDefinition("full-standard", "f", LocalDate.of(2022, 12, 31), EnumSet.of(ConstructionMode.ADAPTED),
                    false)), null);

    private static Brigade brigade(ConstructionMode mode) {
        return new Brigade("b", "p", "c", "t", BrigadeLevel.LEVEL_TWO, mode, "", "", Housing.NONE, "", 1,
                PLAN.milestonesFor("b", mode), List.of());
    }

    @Test
    void theModePicksTheStandard() {
        assertThat(ComplianceComposer.tier(brigade(ConstructionMode.SELF_BUILT), 2019)).isEqualTo(Tier.FULL);
        assertThat(ComplianceComposer.tier(brigade(ConstructionMode.JOINT_ENTERPRISE), 2019)).isEqualTo(Tier.FULL);
        assertThat(ComplianceComposer.tier(brigade(ConstructionMode.EXISTING), 2019)).isEqualTo(Tier.FULL);
        assertThat(ComplianceComposer.tier(brigade(ConstructionMode.DEFERRED), 2019)).isNull();
    }

    @Test
    void anAdaptedBrigadeMeetsTheReducedStandardUntilItsThreeYearDeadline() {
        Brigade adapted = brigade(ConstructionMode.ADAPTED);
        assertThat(ComplianceComposer.tier(adapted, 2019)).isEqualTo(Tier.REDUCED);
        assertThat(ComplianceComposer.tier(adapted, 2022)).isEqualTo(Tier.REDUCED);
        assertThat(ComplianceComposer.tier(adapted, 2023)).isEqualTo(Tier.FULL);
    }
}
