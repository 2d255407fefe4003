package cn.jincheng.brigades.station.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.errors.DependencyUnavailableException;

/** The copies of the directory are completed from the counts, in batches, and a copy that is down does not stop the others. */
class DirectorySyncTest {

    @Test
    void aCopyWithFewerBrigadesGetsTheWholeDirectoryInBatchesAndAFullOneNothing() {
        Directory here = new Directory(12_001);
        Copies copies = new Copies();
        copies.held.put("equipment-service", 12_001L);
        copies.held.put("staffing-service", 3L);

        assertThat(new DirectorySync(here, copies).reconcile()).isTrue();

        assertThat(copies.sent.get("equipment-service")).isNull();
        assertThat(copies.sent.get("staffing-service")).extracting(Map::size)
                .containsExactly(DirectorySync.BATCH, DirectorySync.BATCH, 2_001);
        assertThat(copies.sent.get("staffing-service").get(0)).containsEntry("b00000", "c0");
    }

    @Test
    void aCopyThatCannotBeReachedIsReportedAndTheOthersStillComplete() {
        Copies copies = new Copies();
        copies.held.put("equipment-service", 0L);
        copies.down.add("staffing-service");
        copies.held.put("staffing-service", 0L);

        assertThat(new DirectorySync(new Directory(10), copies).reconcile()).isFalse();
        assertThat(copies.sent.get("equipment-service")).hasSize(1);
    }

    @Test
    void newBrigadesGoToEveryCopyThatIsUpAndADownOneIsNoError() {
        Copies copies = new Copies();
        copies.held.put("equipment-service", 0L);
        copies.held.put("staffing-service", 0L);
        copies.down.add("staffing-service");
        Brigade created = PlanFixtures.brigade(ConstructionMode.SELF_BUILT);

        new DirectorySync(new Directory(0), copies).created(List.of(created));

        assertThat(copies.sent.get("equipment-service")).containsExactly(Map.of(created.id(), created.countyId()));
        assertThat(copies.sent.get("staffing-service")).isNull();
    }

    @Test
    void manyNewBrigadesGoInBatchesTheCopiesAccept() {
        Copies copies = new Copies();
        copies.held.put("equipment-service", 0L);
        Brigade template = PlanFixtures.brigade(ConstructionMode.SELF_BUILT);
        List<Brigade> created = new ArrayList<>();
        for (int i = 0; i < DirectorySync.BATCH * 2 + 1; i++) {
            created.add(new Brigade("b" + i, template.planId(), template.countyId(), template.town(), template.level(),
                    template.mode(), "", "", template.housing(), "", 1, template.milestones(), List.of()));
        }

        new DirectorySync(new Directory(0), copies).created(created);

        assertThat(copies.sent.get("equipment-service")).extracting(Map::size)
                .containsExactly(DirectorySync.BATCH, DirectorySync.BATCH, 1);
    }

    /** {@code size} brigades b00000…, in six counties. */
    private static final class Directory extends RefusingBrigadeRepository {
        private final int size;

        Directory(int size) {
            this.size = size;
        }

        @Override
        public long count() {
            return size;
        }

        @Override
        public void forEachCounty(BiConsumer<String, String> brigadeAndCounty) {
            for (int i = 0; i < size; i++) {
                brigadeAndCounty.accept(String.format("b%05d", i), "c" + (i % 6));
            }
        }
    }

    private static final class Copies implements DirectoryCopies {
        final Map<String, Long> held = new LinkedHashMap<>();
        final Map<String, List<Map<String, String>>> sent = new LinkedHashMap<>();
        final List<String> down = new ArrayList<>();

        @Override
        public List<String> names() {
            return new ArrayList<>(held.keySet());
        }

        @Override
        public long size(String copy) {
            failIfDown(copy);
            return held.get(copy);
        }

        @Override
        public void add(String copy, Map<String, String> countyByBrigade) {
            failIfDown(copy);
            sent.computeIfAbsent(copy, c -> new ArrayList<>()).add(Map.copyOf(countyByBrigade));
        }

        private void failIfDown(String copy) {
            if (down.contains(copy)) {
                throw new DependencyUnavailableException(copy, false);
            }
        }
    }
}
