package cn.jincheng.brigades.staffing.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.persistence.SeedFiles;
import cn.jincheng.brigades.staffing.domain.rules.RulesService;

/**
 * Publishes the seed rules ({@code RULES_SEED_FILE}) as version 1 when the store has none, or as the
 * next version when the rules in force are a shipped version the seed now corrects.
 */
@Component
class RulesSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RulesSeeder.class);

    private final Resource seedFile;
    private final RulesService rules;

    RulesSeeder(@Value("${brigades.rules.seed-file}") Resource seedFile, RulesService rules) {
        this.seedFile = seedFile;
        this.rules = rules;
    }

    @Override
    public void afterSingletonsInstantiated() {
        rules.seed(() -> RulesCodec.rules(SeedFiles.read(seedFile))).ifPresent(first -> log
                .info("Published staffing rules {} from {}", first.reference(), seedFile.getFilename()));
    }
}
