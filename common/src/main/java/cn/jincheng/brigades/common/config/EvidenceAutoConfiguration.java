package cn.jincheng.brigades.common.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.evidence.AttachableRecords;
import cn.jincheng.brigades.common.domain.evidence.EvidenceLimits;
import cn.jincheng.brigades.common.domain.evidence.EvidenceService;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.common.grpc.AttachmentGrpcService;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.GridFsAttachmentStore;
import cn.jincheng.brigades.common.persistence.MongoEvidenceRoom;

/**
 * Evidence attachments in a service that declares which of its records take them (an
 * {@link AttachableRecords} bean): the GridFS store in its own database, the rules, and
 * attachments.v1 on its gRPC port. Limits: {@code brigades.evidence.max-file-size} (10MB),
 * {@code max-files-per-record} (20), {@code max-record-size} (50MB), enforced atomically per record
 * ({@link MongoEvidenceRoom}).
 */
@AutoConfiguration(after = { MongoAutoConfiguration.class, BusinessTimeAutoConfiguration.class })
@ConditionalOnBean({ AttachableRecords.class, MongoDatabase.class })
public class EvidenceAutoConfiguration {

    @Bean
    EvidenceLimits evidenceLimits(@Value("${brigades.evidence.max-file-size:10MB}") DataSize file,
            @Value("${brigades.evidence.max-files-per-record:20}") int files,
            @Value("${brigades.evidence.max-record-size:50MB}") DataSize record) {
        return new EvidenceLimits(file.toBytes(), files, record.toBytes());
    }

    @Bean
    GridFsAttachmentStore attachmentStore(MongoDatabase database, AuditOutbox outbox) {
        return new GridFsAttachmentStore(database, outbox);
    }

    /** Each record's room; a reservation left by a service stopped mid-upload is given back after {@code stale-reservation}. */
    @Bean
    MongoEvidenceRoom evidenceRoom(MongoDatabase database,
            @Value("${brigades.evidence.stale-reservation:1h}") java.time.Duration staleAfter) {
        return new MongoEvidenceRoom(database, staleAfter);
    }

    @Bean
    EvidenceService evidenceService(GridFsAttachmentStore store, MongoEvidenceRoom room, AttachableRecords records,
            RecordIds ids, TimeSource time, EvidenceLimits limits) {
        return new EvidenceService(store, room, records, ids, time, limits);
    }

    @Bean
    AttachmentGrpcService attachmentGrpcService(EvidenceService evidence) {
        return new AttachmentGrpcService(evidence);
    }
}
