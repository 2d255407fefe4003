package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OutcomeTest {

    private static final Snapshot SNAPSHOT = new Snapshot(true, "FULL", List.of(), List.of());

    static Inspection inspection(int second, int year, Stage stage, Result result) {
        return new Inspection("i" + second, year, stage, result, "", "", false, "x", "CITY_ADMIN",
                Instant.ofEpochSecond(1_570_000_000L + second), SNAPSHOT);
    }

    @Test
    void countyThenCityPassIsAcceptedAndALaterFailSupersedesIt() {
        List<Inspection> list = new ArrayList<>();
        assertThat(Outcome.of(ConstructionMode.SELF_BUILT, list, 2019)).isEqualTo(Outcome.PENDING);
        list.add(inspection(1, 2019, Stage.COUNTY, Result.PASS));
        assertThat(Outcome.of(ConstructionMode.SELF_BUILT, list, 2019)).isEqualTo(Outcome.PENDING);
        list.add(inspection(2, 2019, Stage.CITY, Result.PASS));
        assertThat(Outcome.of(ConstructionMode.SELF_BUILT, list, 2019)).isEqualTo(Outcome.ACCEPTED);
        assertThat(Outcome.of(ConstructionMode.SELF_BUILT, list, 2020)).isEqualTo(Outcome.PENDING);
        list.add(inspection(3, 2019, Stage.CITY, Result.FAIL));
        assertThat(Outcome.of(ConstructionMode.SELF_BUILT, list, 2019)).isEqualTo(Outcome.REJECTED);
        assertThat(Outcome.of(ConstructionMode.DEFERRED, list, 2019)).isEqualTo(Outcome.DEFERRED);
    }

    @Property(tries = 300)
    void theOutcomeFollowsTheLatestInspectionOfTheYear(@ForAll("histories") List<Inspection> history,
            @ForAll("modes") ConstructionMode mode) {
        Outcome outcome = Outcome.of(mode, history, 2019);
        List<Inspection> ofYear = history.stream().filter(i -> i.year() == 2019).toList();
        if (mode == ConstructionMode.DEFERRED) {
            assertThat(outcome).isEqualTo(Outcome.DEFERRED);
        } else if (ofYear.isEmpty()) {
            assertThat(outcome).isEqualTo(Outcome.PENDING);
        } else {
            Inspection latest = ofYear.stream().max(java.util.Comparator.comparing(Inspection::at)).orElseThrow();
            Outcome expected = latest.result() == Result.FAIL ? Outcome.REJECTED
                    : latest.stage() == Stage.CITY ? Outcome.ACCEPTED : Outcome.PENDING;
            assertThat(outcome).isEqualTo(expected);
        }
        assertThat(outcome).isNotEqualTo(Outcome.UNAVAILABLE);
    }

    @Provide
    Arbitrary<List<Inspection>> histories() {
        Arbitrary<Inspection> one = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(2018, 2019, 2020), Arbitraries.of(Stage.class), Arbitraries.of(Result.class))
                .as(OutcomeTest::inspection);
        return one.list().ofMaxSize(8).uniqueElements(Inspection::at);
    }

    @Provide
    Arbitrary<ConstructionMode> modes() {
        return Arbitraries.of(ConstructionMode.class);
    }
}
