package cn.jincheng.brigades.station.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.mongo.MongoWrites;
import cn.jincheng.brigades.station.domain.AuditEntry;
import cn.jincheng.brigades.station.domain.AuditLog;

/** The audit collection. The only write is an insert; nothing here updates or deletes. */
@Repository
class MongoAuditLog implements AuditLog {

    private final MongoCollection<Document> audit;

    MongoAuditLog(MongoDatabase database) {
        this.audit = database.getCollection("audit");
        audit.createIndex(Indexes.compoundIndex(Indexes.ascending("brigadeId"), Indexes.descending("at", "_id")));
    }

    /** Idempotent: an entry already moved from the outbox is not inserted twice. */
    void append(Document entry) {
        MongoWrites.insertIfAbsent(audit, entry);
    }

    @Override
    public List<AuditEntry> list(String brigadeId, Instant beforeAt, String beforeId, int limit) {
        Bson filter = eq("brigadeId", brigadeId);
        if (beforeAt != null && beforeId != null) {
            Date at = Date.from(beforeAt);
            filter = and(filter, or(lt("at", at), and(eq("at", at), lt("_id", beforeId))));
        }
        List<AuditEntry> entries = new ArrayList<>();
        audit.find(filter).sort(Sorts.descending("at", "_id")).limit(limit)
                .forEach(d -> entries.add(AuditCodec.entry(d)));
        return entries;
    }
}
