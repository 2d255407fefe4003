package cn.jincheng.brigades.station.domain;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/** The 2019 plan's milestone table, as the seed file gives it. */
public final class PlanFixtures {

    private PlanFixtures() {
    }

    public static Plan jincheng2019() {
        EnumSet<ConstructionMode> building = EnumSet.of(ConstructionMode.SELF_BUILT, ConstructionMode.JOINT_ENTERPRISE,
                ConstructionMode.ADAPTED);
        EnumSet<ConstructionMode> allButDeferred = EnumSet.complementOf(EnumSet.of(ConstructionMode.DEFERRED));
        return new Plan("jincheng-2019", "晋城市", 2019, "test", LocalDate.of(2019, 6, 6), List.of(
                new MilestoneDefinition("mobilisation", "m", LocalDate.of(2019, 6, 25), allButDeferred, false),
                new MilestoneDefinition("benchmark-study", "b", LocalDate.of(2019, 7, 15), building, false),
                new MilestoneDefinition("construction-complete", "c", LocalDate.of(2019, 10, 31), building, false),
                new MilestoneDefinition("acceptance", "a", LocalDate.of(2019, 11, 30), allButDeferred, true),
                new MilestoneDefinition("full-standard", "f", LocalDate.of(2022, 12, 31),
                        EnumSet.of(ConstructionMode.ADAPTED), false)), null);
    }

    public static Brigade brigade(ConstructionMode mode) {
        return new Brigade("zezhou-gaodu", "jincheng-2019", "zezhou", "高都镇", BrigadeLevel.LEVEL_ONE, mode, "", "",
                Housing.NONE, "", 1, jincheng2019().milestonesFor("zezhou-gaodu", mode), List.of());
    }
}
