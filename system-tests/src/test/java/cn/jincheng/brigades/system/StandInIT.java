package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The embedded default as an operator meets it: one stand-in server process that every service
 * reaches through MONGODB_URI, which the standard MongoDB shell opens; and a service that is not
 * told where its database is refuses to start.
 */
class StandInIT {

    private static final Path MONGOSH = Commands.root().resolve("system-tests/mongosh");

    @Test
    void everyServiceUsesTheOneStandInAndMongoshCountsTheBrigadesInIt() throws Exception {
        boolean mongosh = !Boolean.getBoolean("skip.node");
        if (mongosh) {
            installMongosh();
        }
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-standin"))) {
            stack.start();
            for (String service : List.of("station-service", "equipment-service", "staffing-service")) {
                String log = Files.readString(stack.dataDir.resolve("logs/" + service + ".log"));
                assertThat(log).as(service).contains("MongoDB from MONGODB_URI: hosts [127.0.0.1:" + stack.port("MONGO_PORT") + "]");
            }
            assertThat(Files.readString(stack.dataDir.resolve("run/mongo.uri")).trim()).isEqualTo(stack.mongoUri());
            if (!mongosh) {
                Switches.skipWhenSet("the stand-in opened by mongosh (on Node)", "skip.node");
            }

            Commands.Result count = Commands.run(List.of(MONGOSH.resolve("node_modules/.bin/mongosh").toString(), "--quiet",
                    stack.mongoUri() + "/station", "--eval", "db.brigades.countDocuments()"), MONGOSH, Map.of(),
                    Duration.ofMinutes(2));
            System.out.println("[stand-in] mongosh: " + count.output().trim());
            assertThat(count.exitCode()).as(count.output()).isZero();
            assertThat(count.output().trim()).isEqualTo("23");
            assertThat(stack.stop()).isZero();
        }
    }

    @Test
    void aServiceWithoutMongodbUriOutsideTheLocalProfileStopsNamingTheVariable() throws Exception {
        Path jar = Commands.root().resolve("station-service/target/station-service-0.1.0-SNAPSHOT.jar");
        Path dataDir = Files.createTempDirectory("brigades-no-uri");
        Commands.Result start = Commands.run(List.of("java", "-Xmx128m", "-jar", jar.toString()), dataDir,
                Map.of("MONGODB_URI", "", "SPRING_PROFILES_ACTIVE", "", "DATA_DIR", dataDir.toString(), "STATION_PORT", "0",
                        "STATION_MANAGEMENT_PORT", "0"), Duration.ofMinutes(2));
        assertThat(start.exitCode()).as(start.output()).isNotIn(0, -1);
        assertThat(start.output()).contains("MONGODB_URI is not set");
    }

    private static void installMongosh() throws Exception {
        if (Files.isExecutable(MONGOSH.resolve("node_modules/.bin/mongosh"))) {
            return;
        }
        Commands.Result install = Commands.run(List.of("npm", "ci", "--no-audit", "--no-fund"), MONGOSH, Map.of(),
                Duration.ofMinutes(10));
        assertThat(install.exitCode()).as("npm ci of mongosh:\n" + install.output()).isZero();
    }
}
