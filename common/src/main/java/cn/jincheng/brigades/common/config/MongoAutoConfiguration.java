package cn.jincheng.brigades.common.config;

import cn.jincheng.brigades.common.persistence.ObjectIdRecordIds;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.common.persistence.AuditAnchoring;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.AuditTrail;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.persistence.ImportJournal;

/**
 * A service's own database on the deployment Spring Boot connects to ({@code MONGODB_URI}: the
 * replica set in production, the stand-in server locally), with the audit trail and import journal
 * every service keeps in it. The client, its metrics and its health check are Spring Boot's.
 */
@AutoConfiguration(afterName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails")
@ConditionalOnProperty(prefix = "brigades.mongo", name = "database")
@EnableConfigurationProperties({ MongoProperties.class, AuditProperties.class })
public class MongoAutoConfiguration {

    /** A missing server is noticed within seconds, not after the driver's default 30. */
    @Bean
    MongoClientSettingsBuilderCustomizer timeouts() {
        return settings -> settings
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(3, TimeUnit.SECONDS));
    }

    /**
     * Majority writes and reads: on a replica set an acknowledged write survives a primary failover,
     * and a read never sees a write that could still be rolled back. (The stand-in, a single server
     * committing every write before it answers, accepts both concerns.)
     */
    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database())
                .withWriteConcern(WriteConcern.MAJORITY)
                .withReadConcern(ReadConcern.MAJORITY);
    }

    /** Ids of new records: ObjectIds. */
    @Bean
    RecordIds recordIds() {
        return new ObjectIdRecordIds();
    }

    /** Every service's own append-only audit trail, keyed (docs/adr/0010). */
    @Bean
    AuditTrail auditTrail(MongoDatabase database, AuditProperties audit, java.time.Clock clock) {
        return new AuditTrail(database, audit.keys(), clock);
    }

    /** The chains' daily anchors, from start on (the first run also anchors chains from before format 2). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "brigades.audit", name = "anchoring", matchIfMissing = true)
    AuditAnchoring auditAnchoring(AuditTrail trail, TimeSource time, AuditProperties audit) {
        return new AuditAnchoring(trail, time, audit.interval());
    }

    /** A change and its audit entry in one write, for services whose changes are single documents. */
    @Bean
    AuditOutbox auditOutbox(AuditTrail trail) {
        return new AuditOutbox(trail);
    }

    /** Bulk imports stored all or none; an import a crash interrupted is finished or undone before calls are taken. */
    @Bean
    ImportJournal importJournal(MongoDatabase database, AuditTrail trail) {
        ImportJournal journal = new ImportJournal(database, trail);
        journal.recover();
        return journal;
    }
}
