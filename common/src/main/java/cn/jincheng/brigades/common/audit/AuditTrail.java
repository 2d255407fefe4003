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
 * A service's audit trail: append-only, and tamper-evident. The entries of each brigade form a
 * chain: entry n carries {@code seq} n, the hash of entry n−1 and a SHA-256 hash over its own
 * content and that previous hash. The stored id is {@code <brigade>#<seq>}, so appending is itself
 * the compare-and-set: two writers cannot both become entry n, and a chain never forks. Editing,
 * removing or reordering an entry in the store breaks the chain at that entry, which
 * {@link #verify()} names. Every service keeps the entries of its own changes; the gateway merges.
 */
public class AuditTrail {

    private static final int MAX_ATTEMPTS = 16;

    private final MongoCollection<Document> audit;

    public AuditTrail(MongoDatabase database) {
        this.audit = database.getCollection("audit");
        audit.createIndex(Indexes.compoundIndex(Indexes.ascending("brigadeId"), Indexes.descending("seq")));
        audit.createIndex(Indexes.ascending("entryId"));
    }

    /**
     * Appends an entry (in the shape of {@link AuditCodec#document}) to its brigade's chain.
     * Idempotent: an entry already in the trail (say, relayed again from an outbox after a crash) is
     * not appended twice.
     */
    public void append(Document entry) {
        String entryId = entry.getString("_id");
        String brigadeId = entry.getString("brigadeId");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (audit.find(eq("entryId", entryId)).first() != null) {
                return;
            }
            Document head = audit.find(eq("brigadeId", brigadeId)).sort(Sorts.descending("seq")).first();
            long seq = head == null ? 1 : ((Number) head.get("seq")).longValue() + 1;
            String previous = head == null ? "" : head.getString("hash");
            Document stored = new Document(entry);
            stored.put("_id", brigadeId + "#" + seq);
            stored.append("entryId", entryId).append("seq", seq).append("prevHash", previous);
            stored.append("hash", AuditChain.hash(stored));
            if (MongoWrites.insertIfAbsent(audit, stored)) {
                return;
            }
        }
        throw new IllegalStateException("the audit chain of brigade '" + brigadeId + "' is too busy to append to");
    }

    public void append(AuditEntry entry) {
        append(AuditCodec.document(entry));
    }

    /** Entries of one brigade, newest first, strictly before the given position (null: from the newest). */
    public List<AuditEntry> list(String brigadeId, Instant beforeAt, String beforeId, int limit) {
        Bson filter = eq("brigadeId", brigadeId);
        if (beforeAt != null && beforeId != null) {
            Date at = Date.from(beforeAt);
            filter = and(filter, or(lt("at", at), and(eq("at", at), lt("entryId", beforeId))));
        }
        List<AuditEntry> entries = new ArrayList<>();
        audit.find(filter).sort(Sorts.descending("at", "entryId")).limit(limit)
                .forEach(d -> entries.add(AuditCodec.entry(d)));
        return entries;
    }

    /** Re-checks every chain from its first entry; names the first broken entry, if any. */
    public AuditChain.Verification verify() {
        AuditChain.Checker checker = new AuditChain.Checker();
        audit.find().sort(Sorts.ascending("brigadeId", "seq")).batchSize(1000).forEach(checker::accept);
        return checker.result();
    }
}
