package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.errors.FieldViolation;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.errors.Validator;

class HousingTest {

    @Test
    void aPatchChangesOnlyThePresentFields() {
        Housing before = new Housing(600, 1100, 3, Set.of(Room.COMMS_DUTY_ROOM));
        Housing after = before.apply(new HousingPatch(650.5, null, null, null));
        assertThat(after).isEqualTo(new Housing(650.5, 1100, 3, Set.of(Room.COMMS_DUTY_ROOM)));
        Housing rooms = before.apply(new HousingPatch(null, null, null, Set.of(Room.STANDBY_ROOM)));
        assertThat(rooms.rooms()).containsExactly(Room.STANDBY_ROOM);
    }

    @Test
    void impossibleValuesAreAllReportedAtOnce() {
        Validator v = new Validator();
        new HousingPatch(-1.0, 100_001.0, -2, null).validate(v);
        try {
            v.throwIfInvalid();
        } catch (ValidationException e) {
            assertThat(e.violations()).extracting(FieldViolation::field)
                    .containsExactly("housing.floorAreaM2", "housing.siteAreaM2", "housing.garageBays");
            return;
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void nanAndInfinityAreNotAreas() {
        Validator v = new Validator();
        new HousingPatch(Double.NaN, Double.POSITIVE_INFINITY, 3, null).validate(v);
        assertThat(v.hasViolations()).isTrue();
    }
}
