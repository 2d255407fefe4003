package cn.jincheng.brigades.staffing.persistence;

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
import cn.jincheng.brigades.staffing.domain.rules.RulesRepository;
import cn.jincheng.brigades.staffing.domain.rules.RulesService;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRule;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/**
 * Rules still as the system shipped them get the corrected seed as their next version (the "other
 * provinces" rule naming its sources, say); a version the city published is left alone; rules
 * already equal to the seed are not written again.
 */
class RulesSeederTest {

    private static final ClassPathResource SEED = new ClassPathResource("rules/staffing-rules-2019.json");

    private final Versions store = new Versions();
    private final RulesSeeder seeder = new RulesSeeder(SEED, new RulesService(store,
            new TimeSource(Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"))));

    @Test
    void shippedRulesThatSayOtherwiseAreCorrectedAsTheNextVersionOnce() {
        store.insert(shippedEarlier("seed"));
        seeder.afterSingletonsInstantiated();
        assertThat(store.versions).hasSize(2);
        StaffingRules corrected = store.latest().orElseThrow();
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.publishedBy()).isEqualTo("seed");
        assertThat(corrected.note()).contains("corrected");
        assertThat(corrected.rules()).isEqualTo(seed().rules());

        seeder.afterSingletonsInstantiated();
        assertThat(store.versions).as("already the seed: nothing written again").hasSize(2);
    }

    @Test
    void rulesTheCityPublishedAreNeverReplaced() {
        store.insert(shippedEarlier("admin"));
        seeder.afterSingletonsInstantiated();
        assertThat(store.versions).singleElement().satisfies(r -> assertThat(r.publishedBy()).isEqualTo("admin"));
    }

    @Test
    void anEmptyStoreGetsTheSeedAsVersionOne() {
        seeder.afterSingletonsInstantiated();
        assertThat(store.latest().orElseThrow().version()).isEqualTo(1);
        assertThat(store.latest().orElseThrow().rules()).isEqualTo(seed().rules());
    }

    private static StaffingRules seed() {
        return RulesCodec.rules(SeedFiles.read(SEED));
    }

    /** The seed as an earlier release shipped it: its first rule with another source. */
    private static StaffingRules shippedEarlier(String publishedBy) {
        StaffingRules now = seed();
        List<StaffingRule> rules = new ArrayList<>(now.rules());
        StaffingRule r = rules.get(0);
        rules.set(0, new StaffingRule(r.id(), r.area(), r.severity(), r.kind(), r.levels(), r.tiers(), r.min(),
                r.rateYuan(), r.description(), "an earlier wording of the source", r.sourceStatus(), r.promotionReason()));
        return new StaffingRules(now.id(), 1, Instant.parse("2019-06-06T00:00:00Z"), publishedBy, "earlier", rules);
    }

    private static final class Versions implements RulesRepository {
        final List<StaffingRules> versions = new ArrayList<>();

        @Override
        public Optional<StaffingRules> latest() {
            return versions.stream().max(Comparator.comparingInt(StaffingRules::version));
        }

        @Override
        public Optional<StaffingRules> version(int version) {
            return versions.stream().filter(v -> v.version() == version).findFirst();
        }

        @Override
        public boolean insert(StaffingRules rules) {
            if (version(rules.version()).isPresent()) {
                return false;
            }
            return versions.add(rules);
        }
    }
}
