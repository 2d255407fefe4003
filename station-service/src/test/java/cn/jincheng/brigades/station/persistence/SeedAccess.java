package cn.jincheng.brigades.station.persistence;

import org.springframework.stereotype.Component;

/** Lets tests run the start-up seeding again, as a restart would. */
@Component
public class SeedAccess {

    private final SeedLoader loader;

    SeedAccess(SeedLoader loader) {
        this.loader = loader;
    }

    public void seedAgain() {
        loader.seed();
    }
}
