package cn.jincheng.brigades.common.audit;

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

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.mongo.MongoWrites;

/**
 * A service's audit collection. The only write is an insert; nothing here updates or deletes.
 * Every service keeps the entries of its own changes; the gateway merges the trails.
 */
public class AuditTrail {

    private final MongoCollection<Document> audit;

    public AuditTrail(MongoDatabase database) {
        this.audit = database.getCollection("audit");
        audit.createIndex(Indexes.compoundIndex(Indexes.ascending("brigadeId"), Indexes.descending("at", "_id")));
    }

    /** Idempotent: an entry already moved from an outbox is not inserted twice. */
    public void append(Document entry) {
        MongoWrites.insertIfAbsent(audit, entry);
    }

    public void append(AuditEntry entry) {
        append(AuditCodec.document(entry));
    }

    /** Entries of one brigade, newest first, strictly before the given position (null: from the newest). */
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
