package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;

class HousingStandardTest {

    private final HousingStandard standard = new HousingStandard(List.of(
            new HousingStandard.Minimum(BrigadeLevel.LEVEL_ONE, 600, 3, 1000),
            new HousingStandard.Minimum(BrigadeLevel.LEVEL_TWO, 400, 2, 700)),
            EnumSet.of(Room.COMMS_DUTY_ROOM, Room.STANDBY_ROOM, Room.EQUIPMENT_STORE), "plan", "GB/T 35547 9.2");

    private Map<String, Boolean> met(BrigadeLevel level, Housing h) {
        return standard.check(level, h).stream().collect(Collectors.toMap(CheckResult::rule, CheckResult::met));
    }

    @Test
    void theLevelsMinimumsAreMetExactlyAtTheThreshold() {
        Set<Room> rooms = EnumSet.of(Room.COMMS_DUTY_ROOM, Room.STANDBY_ROOM, Room.EQUIPMENT_STORE, Room.DORMITORY);
        assertThat(met(BrigadeLevel.LEVEL_ONE, new Housing(600, 1000, 3, rooms))).doesNotContainValue(false);
        assertThat(met(BrigadeLevel.LEVEL_ONE, new Housing(599.5, 1000, 3, rooms))).containsEntry("housing.floor-area", false);
        assertThat(met(BrigadeLevel.LEVEL_ONE, new Housing(600, 1000, 2, rooms))).containsEntry("housing.garage-bays", false);
        assertThat(met(BrigadeLevel.LEVEL_TWO, new Housing(400, 700, 2, rooms))).doesNotContainValue(false);
        assertThat(met(BrigadeLevel.LEVEL_TWO, new Housing(400, 700, 2, Set.of(Room.COMMS_DUTY_ROOM))))
                .containsEntry("housing.required-rooms", false);
    }

    @Test
    void theSiteAreaOnlyAdvises() {
        List<CheckResult> checks = standard.check(BrigadeLevel.LEVEL_TWO, new Housing(400, 100, 2,
                EnumSet.of(Room.COMMS_DUTY_ROOM, Room.STANDBY_ROOM, Room.EQUIPMENT_STORE)));
        CheckResult site = checks.stream().filter(c -> c.rule().equals("housing.site-area")).findFirst().orElseThrow();
        assertThat(site.met()).isFalse();
        assertThat(site.severity()).isEqualTo(Severity.ADVISORY);
        assertThat(site.source()).contains("9.2");
        assertThat(checks.stream().filter(c -> c.severity() == Severity.REQUIRED).allMatch(CheckResult::met)).isTrue();
    }
}
