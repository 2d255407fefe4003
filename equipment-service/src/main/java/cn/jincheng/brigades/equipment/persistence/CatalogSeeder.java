package cn.jincheng.brigades.equipment.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.common.persistence.SeedFiles;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogRepository;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogValidator;

/**
 * Publishes the seed catalog ({@code CATALOG_SEED_FILE}) as version 1 when the store has none.
 * Later versions are published by the city administrator; a restart never touches them.
 */
@Component
class CatalogSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final Resource seedFile;
    private final CatalogRepository store;
    private final TimeSource time;

    CatalogSeeder(@Value("${brigades.catalog.seed-file}") Resource seedFile, CatalogRepository store, TimeSource time) {
        this.seedFile = seedFile;
        this.store = store;
        this.time = time;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (store.latest().isPresent()) {
            return;
        }
        Catalog seed = CatalogCodec.catalog(SeedFiles.read(seedFile));
        Catalog first = new Catalog(seed.id(), 1, seed.title(), time.now(), "seed", seed.note(),
                seed.defaultHeadcount(), seed.vehicleTypes(), seed.items(), seed.rules());
        CatalogValidator.validate(first);
        if (store.insert(first)) {
            log.info("Published catalog {} from {}: {} vehicle types, {} items, {} rules", first.reference(),
                    seedFile.getFilename(), first.vehicleTypes().size(), first.items().size(), first.rules().size());
        }
    }
}
