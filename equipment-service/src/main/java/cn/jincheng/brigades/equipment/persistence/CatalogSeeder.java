package cn.jincheng.brigades.equipment.persistence;

import java.util.Optional;

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
 * Publishes the seed catalog ({@code CATALOG_SEED_FILE}) as version 1 when the store has none. When
 * the catalog in force is still one the system shipped (no administrator has published since) and
 * the seed file now says otherwise (a corrected verdict: the level-one vehicle mix, how sure each
 * rule is), the seed is published as the next version by "seed", with the reason in its note; the
 * old version stays readable. Versions an administrator published are never touched.
 */
@Component
class CatalogSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);
    static final String SEED = "seed";

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
        Catalog seed = CatalogCodec.catalog(SeedFiles.read(seedFile));
        Optional<Catalog> latest = store.latest();
        if (latest.isEmpty()) {
            Catalog first = asVersion(seed, 1, seed.note());
            CatalogValidator.validate(first);
            if (store.insert(first)) {
                log.info("Published catalog {} from {}: {} vehicle types, {} items, {} rules", first.reference(),
                        seedFile.getFilename(), first.vehicleTypes().size(), first.items().size(), first.rules().size());
            }
            return;
        }
        correction(latest.get(), seed).ifPresent(corrected -> {
            CatalogValidator.validate(corrected);
            if (store.insert(corrected)) {
                log.info("Published catalog {}: the shipped catalog {} corrected from {}", corrected.reference(),
                        latest.get().reference(), seedFile.getFilename());
            }
        });
        if (!latest.get().publishedBy().equals(SEED) && !sameContent(latest.get(), seed)) {
            log.info("The shipped catalog in {} differs from the version in force, which the city published: "
                    + "not changed (compare them with GET /api/v1/standards)", seedFile.getFilename());
        }
    }

    /** The seed as the next version, when the one in force is a shipped one that says otherwise. */
    Optional<Catalog> correction(Catalog inForce, Catalog seed) {
        if (!inForce.publishedBy().equals(SEED) || sameContent(inForce, seed)) {
            return Optional.empty();
        }
        return Optional.of(asVersion(seed, inForce.version() + 1, "The shipped catalog corrected (version "
                + inForce.version() + " was the system's too). " + seed.note()));
    }

    private Catalog asVersion(Catalog seed, int version, String note) {
        return new Catalog(seed.id(), version, seed.title(), time.now(), SEED, note, seed.defaultHeadcount(),
                seed.vehicleTypes(), seed.items(), seed.rules());
    }

    private static boolean sameContent(Catalog a, Catalog b) {
        return a.title().equals(b.title()) && a.defaultHeadcount() == b.defaultHeadcount()
                && a.vehicleTypes().equals(b.vehicleTypes()) && a.items().equals(b.items()) && a.rules().equals(b.rules());
    }
}
