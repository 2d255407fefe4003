package cn.jincheng.brigades.common.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;

/** Only station-service adds to a copy, never more than a batch at once, and the copy answers who may see a brigade. */
class DirectoryReplicationTest {

    private static final Caller STATION = InternalTokenIssuer.stationService();
    private static final Caller ADMIN = new Caller("admin", Role.CITY_ADMIN, null);
    private static final Caller ZEZHOU = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");

    private final Copy copy = new Copy();
    private final AtomicInteger told = new AtomicInteger();
    private final DirectoryReplication replication = new DirectoryReplication(copy, told::incrementAndGet);

    @Test
    void stationServiceAddsAndEveryAdditionIsTold() {
        assertThat(replication.replicate(STATION, Map.of("zezhou-gaodu", "zezhou", "gaoping-macun", "gaoping"))).isEqualTo(2);
        assertThat(replication.replicate(STATION, Map.of("zezhou-gaodu", "zezhou"))).isZero();
        assertThat(told).hasValue(2);
        assertThat(replication.size(STATION)).isEqualTo(2);
    }

    @Test
    void nobodyElseMayAddOrAskAndABadBatchIsRefusedWhole() {
        assertThatThrownBy(() -> replication.replicate(ADMIN, Map.of("zezhou-x", "zezhou")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> replication.size(ZEZHOU)).isInstanceOf(AccessDeniedException.class);
        Map<String, String> tooMany = new LinkedHashMap<>();
        for (int i = 0; i <= DirectoryReplication.MAX_ENTRIES; i++) {
            tooMany.put("zezhou-" + i, "zezhou");
        }
        assertThatThrownBy(() -> replication.replicate(STATION, tooMany)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> replication.replicate(STATION, Map.of("zezhou-y", " "))).isInstanceOf(ValidationException.class);
        assertThat(copy.counties).isEmpty();
        assertThat(told).hasValue(0);
    }

    @Test
    void theCopyTellsWhoMaySeeABrigade() {
        replication.replicate(STATION, Map.of("zezhou-gaodu", "zezhou", "gaoping-macun", "gaoping"));
        assertThat(copy.countyOf(ZEZHOU, "zezhou-gaodu")).isEqualTo("zezhou");
        assertThatThrownBy(() -> copy.countyOf(ZEZHOU, "gaoping-macun")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> copy.countyOf(ADMIN, "nope-x")).isInstanceOf(NotFoundException.class);
        assertThat(copy.countiesOf(ZEZHOU, java.util.List.of("zezhou-gaodu", "gaoping-macun", "nope-x")))
                .containsExactly(Map.entry("zezhou-gaodu", "zezhou"));
    }

    private static final class Copy implements DirectoryCopy, BrigadeDirectory {
        final Map<String, String> counties = new HashMap<>();

        @Override
        public int add(Map<String, String> countyByBrigade) {
            int before = counties.size();
            countyByBrigade.forEach(counties::putIfAbsent);
            return counties.size() - before;
        }

        @Override
        public long size() {
            return counties.size();
        }

        @Override
        public Map<String, String> knownCounties(java.util.Collection<String> brigadeIds) {
            Map<String, String> known = new HashMap<>();
            brigadeIds.stream().filter(counties::containsKey).forEach(id -> known.put(id, counties.get(id)));
            return known;
        }
    }
}
