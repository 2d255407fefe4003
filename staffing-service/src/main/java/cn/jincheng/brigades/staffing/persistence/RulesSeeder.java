package cn.jincheng.brigades.staffing.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.persistence.SeedFiles;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.staffing.rules.RulesValidator;
import cn.jincheng.brigades.staffing.rules.StaffingRules;

/** Publishes the seed rules ({@code RULES_SEED_FILE}) as version 1 when the store has none. */
@Component
class RulesSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RulesSeeder.class);

    private final Resource seedFile;
    private final RulesStore store;
    private final TimeSource time;

    RulesSeeder(@Value("${brigades.rules.seed-file}") Resource seedFile, RulesStore store, TimeSource time) {
        this.seedFile = seedFile;
        this.store = store;
        this.time = time;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (store.latest().isPresent()) {
            return;
        }
        StaffingRules seed = RulesStore.rules(SeedFiles.read(seedFile));
        StaffingRules first = new StaffingRules(seed.id(), 1, time.now(), "seed", seed.note(), seed.rules());
        RulesValidator.validate(first);
        if (store.insert(first)) {
            log.info("Published staffing rules {} from {}", first.reference(), seedFile.getFilename());
        }
    }

}
