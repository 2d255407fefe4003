package cn.jincheng.brigades.equipment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.common.persistence.SeedFiles;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogRepository;
import cn.jincheng.brigades.equipment.domain.catalog.Rule;

/**
 * A store still on the catalog the system shipped gets the corrected one as its next version (the
 * level-one vehicle mix: two water tankers no longer pass); one an administrator published is left
 * alone; a store already on the seed is not written again.
 */
class CatalogSeederTest {

    private static final ClassPathResource SEED = new ClassPathResource("catalog/township-standard-2019.json");

    private final Versions store = new Versions();
    private final CatalogSeeder seeder = new CatalogSeeder(SEED, store,
            new TimeSource(Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai")));

    @Test
    void aShippedCatalogThatSaysOtherwiseIsCorrectedAsTheNextVersionOnce() {
        store.insert(shippedEarlier("seed"));
        seeder.afterSingletonsInstantiated();
        assertThat(store.versions).hasSize(2);
        Catalog corrected = store.latest().orElseThrow();
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.publishedBy()).isEqualTo("seed");
        assertThat(corrected.note()).contains("corrected");
        assertThat(corrected.rules()).isEqualTo(seed().rules());
        assertThat(store.version(1).orElseThrow().rules()).extracting(Rule::id).contains("vehicles.level-one.firefighting-or-special");

        seeder.afterSingletonsInstantiated();
        assertThat(store.versions).as("already the seed: nothing written again").hasSize(2);
    }

    @Test
    void aCatalogTheCityPublishedIsNeverReplaced() {
        store.insert(shippedEarlier("admin"));
        seeder.afterSingletonsInstantiated();
        assertThat(store.versions).singleElement().satisfies(c -> assertThat(c.publishedBy()).isEqualTo("admin"));
    }

    @Test
    void anEmptyStoreGetsTheSeedAsVersionOne() {
        seeder.afterSingletonsInstantiated();
        assertThat(store.latest().orElseThrow().version()).isEqualTo(1);
        assertThat(store.latest().orElseThrow().rules()).isEqualTo(seed().rules());
    }

    private static Catalog seed() {
        return CatalogCodec.catalog(SeedFiles.read(SEED));
    }

    /** The seed as an earlier release shipped it: its level-one rule counted any two firefighting or special vehicles. */
    private static Catalog shippedEarlier(String publishedBy) {
        Catalog now = seed();
        List<Rule> rules = new ArrayList<>(now.rules().stream()
                .filter(r -> !r.id().equals("vehicles.level-one.other-firefighting-or-special")).toList());
        Rule r = now.rules().stream().filter(x -> x.id().equals("vehicles.level-one.other-firefighting-or-special"))
                .findFirst().orElseThrow();
        rules.add(new Rule("vehicles.level-one.firefighting-or-special", r.area(), r.severity(), r.kind(), r.levels(),
                r.tiers(), r.vehicleTypes(), r.vehicleCategories(), r.itemCode(), 2, r.perFirefighter(), r.max(),
                "一级队至少2辆灭火或专勤消防车", r.source(), r.sourceStatus(), List.of(), r.promotionReason()));
        return new Catalog(now.id(), 1, now.title(), Instant.parse("2019-06-06T00:00:00Z"), publishedBy, "earlier",
                now.defaultHeadcount(), now.vehicleTypes(), now.items(), rules);
    }

    private static final class Versions implements CatalogRepository {
        final List<Catalog> versions = new ArrayList<>();

        @Override
        public Optional<Catalog> latest() {
            return versions.stream().max(Comparator.comparingInt(Catalog::version));
        }

        @Override
        public Optional<Catalog> version(int version) {
            return versions.stream().filter(c -> c.version() == version).findFirst();
        }

        @Override
        public List<Catalog> headers() {
            return List.copyOf(versions);
        }

        @Override
        public boolean insert(Catalog catalog) {
            if (version(catalog.version()).isPresent()) {
                return false;
            }
            return versions.add(catalog);
        }
    }
}
