package cn.jincheng.brigades.station.persistence;

import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.persistence.SeedFiles;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeLevel;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.FundingPayer;
import cn.jincheng.brigades.station.domain.County;
import cn.jincheng.brigades.station.domain.Plan;

/**
 * Seeds the plan, its counties and brigades from a data file ({@code SEED_FILE}; the 2019
 * Jincheng plan by default) on every start. Idempotent: only what is missing is inserted, so data
 * users have changed is never overwritten. Also moves audit entries a crash left in outboxes.
 * Runs before the gRPC server opens its port (servers start after all singletons are ready), so
 * no call ever sees a half-seeded store.
 */
@Component
class SeedLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final Resource seedFile;
    private final MongoPlanRepository plans;
    private final MongoCountyRepository counties;
    private final MongoBrigadeRepository brigades;

    SeedLoader(@Value("${brigades.seed.file}") Resource seedFile, MongoPlanRepository plans,
            MongoCountyRepository counties, MongoBrigadeRepository brigades) {
        this.seedFile = seedFile;
        this.plans = plans;
        this.counties = counties;
        this.brigades = brigades;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    void seed() {
        brigades.relayOutboxes();
        Document seed = SeedFiles.read(seedFile);
        Plan plan = PlanCodec.plan(seed.get("plan", Document.class));
        if (plans.replaceIfChanged(plan)) {
            // the plan's words, marks and standards follow the seed file; the brigades' milestones
            // (their dates and progress) are the brigades' own and are not touched
            log.info("Seed {}: plan {} stored as the seed file states it", seedFile.getFilename(), plan.id());
        }
        int newCounties = 0;
        for (Document c : seed.getList("counties", Document.class)) {
            newCounties += counties.insertIfAbsent(new County(c.getString("id"), c.getString("name"),
                    c.getString("kind"))) ? 1 : 0;
        }
        List<Document> seeded = seed.getList("brigades", Document.class);
        int newBrigades = 0;
        int payersFilled = 0;
        for (Document b : seeded) {
            Brigade brigade = brigade(plan, b);
            if (brigades.insertIfAbsent(brigade)) {
                newBrigades++;
            } else if (brigades.fillFundingPayer(brigade.id(), brigade.fundingPayer().name())) {
                payersFilled++;
            }
        }
        if (payersFilled > 0) {
            log.info("Seed {}: {} brigades stored before they carried their funding payer got the seed's",
                    seedFile.getFilename(), payersFilled);
        }
        log.info("Seed {}: plan {}, {} new counties, {} of {} brigades new", seedFile.getFilename(), plan.id(),
                newCounties, newBrigades, seeded.size());
    }

    private static Brigade brigade(Plan plan, Document b) {
        return plan.newBrigade(b.getString("id"), b.getString("county"), b.getString("town"),
                BrigadeLevel.valueOf(b.getString("level")), ConstructionMode.valueOf(b.getString("constructionMode")),
                b.getString("partner"), b.getString("situation"), FundingPayer.orDefault(b.getString("fundingPayer")));
    }

}
