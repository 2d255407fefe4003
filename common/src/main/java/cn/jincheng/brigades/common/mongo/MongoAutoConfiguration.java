package cn.jincheng.brigades.common.mongo;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * One MongoDB client per service: to {@code MONGODB_URI} when it is set, otherwise to the embedded
 * store started here. Everything above this class is the same code path for both.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "brigades.mongo", name = "database")
@EnableConfigurationProperties(MongoProperties.class)
public class MongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoAutoConfiguration.class);

    /** Holds the embedded server, if any, so that it closes after the client. */
    public record MongoConnection(String connectionString, EmbeddedMongoServer embedded) implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * Where the embedded store listens (a loopback port chosen at start), in DATA_DIR/run, so that an
     * operator can look inside with mongosh and the benchmark can read it with the plain driver.
     */
    private static void publishAddress(Path dataDir, String database, String connectionString) {
        try {
            Path run = java.nio.file.Files.createDirectories(dataDir.resolve("run"));
            java.nio.file.Files.writeString(run.resolve(database + "-store.uri"), connectionString + "\n");
        } catch (java.io.IOException e) {
            log.warn("could not write the embedded store's address to {}/run: {}", dataDir, e.getMessage());
        }
    }

    @Bean(destroyMethod = "close")
    MongoConnection mongoConnection(MongoProperties properties) {
        if (!properties.embedded()) {
            log.info("Using MongoDB at the configured MONGODB_URI, database '{}'", properties.database());
            return new MongoConnection(properties.uri(), null);
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(Path.of(properties.dataDir()), properties.database());
        log.info("Using the embedded MongoDB-wire store in {} at {}", server.file(), server.connectionString());
        publishAddress(Path.of(properties.dataDir()), properties.database(), server.connectionString());
        return new MongoConnection(server.connectionString(), server);
    }

    /** The driver, with command timings and connection-pool gauges as metrics when metrics are on. */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoConnection connection,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connection.connectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(3, TimeUnit.SECONDS));
        meters.ifAvailable(registry -> settings
                .addCommandListener(new io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener(registry))
                .applyToConnectionPoolSettings(pool -> pool.addConnectionPoolListener(
                        new io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener(registry))));
        return MongoClients.create(settings.build());
    }

    /** Every service's own append-only audit trail. */
    @Bean
    cn.jincheng.brigades.common.audit.AuditTrail auditTrail(MongoDatabase database) {
        return new cn.jincheng.brigades.common.audit.AuditTrail(database);
    }

    /** A change and its audit entry in one write, for services whose changes are single documents. */
    @Bean
    cn.jincheng.brigades.common.audit.AuditOutbox auditOutbox(cn.jincheng.brigades.common.audit.AuditTrail trail) {
        return new cn.jincheng.brigades.common.audit.AuditOutbox(trail);
    }

    /** Bulk imports stored all or none; an import a crash interrupted is finished or undone before calls are taken. */
    @Bean
    cn.jincheng.brigades.common.imports.ImportJournal importJournal(MongoDatabase database,
            cn.jincheng.brigades.common.audit.AuditTrail trail) {
        cn.jincheng.brigades.common.imports.ImportJournal journal =
                new cn.jincheng.brigades.common.imports.ImportJournal(database, trail);
        journal.recover();
        return journal;
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        // Majority writes: on a replica set an acknowledged write survives a primary failover.
        // The embedded store treats the concern as plain acknowledgement and commits per write.
        return client.getDatabase(properties.database())
                .withWriteConcern(WriteConcern.MAJORITY)
                .withReadConcern(ReadConcern.DEFAULT);
    }
}
