package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/**
 * Stores the documents of one import all or none, with their audit entries, without transactions.
 *
 * <p>How: a journal document is written first ({@code PENDING}); every stored document carries the
 * import's id; once all are in, the journal turns {@code COMMITTED} and takes the audit entries
 * (the outbox of the import, as {@code AuditOutbox} is for one document); the entries are appended
 * to their chains and the journal turns {@code DONE}. A crash before the commit leaves a
 * {@code PENDING} journal, and {@link #recover} deletes what that import had stored; a crash after it
 * leaves entries that {@link #recover} appends (appending is idempotent by entry id). The caller is
 * answered only after the commit, so an import it was told about is never undone.
 */
public final class ImportJournal {

    private static final Logger log = LoggerFactory.getLogger(ImportJournal.class);
    public static final String IMPORT_ID = "importId";
    private static final int INSERT_BATCH = 1000;

    private final MongoDatabase database;
    private final MongoCollection<Document> journal;
    private final AuditTrail trail;

    public ImportJournal(MongoDatabase database, AuditTrail trail) {
        this.database = database;
        this.journal = database.getCollection("imports");
        this.trail = trail;
    }

    /** The documents to store, per collection name, in order. */
    public static final class Batch {
        private final Map<String, List<Document>> documents = new LinkedHashMap<>();
        private final List<AuditEntry> entries = new ArrayList<>();

        public Batch add(String collection, Document document) {
            documents.computeIfAbsent(collection, c -> new ArrayList<>()).add(document);
            return this;
        }



        public Batch audit(AuditEntry entry) {
            entries.add(entry);
            return this;
        }

        public Batch audit(List<AuditEntry> more) {
            entries.addAll(more);
            return this;
        }

        public int size() {
            return documents.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Stores the batch; on any failure nothing of it stays stored and the failure is rethrown. @return the import's id */
    public String store(String kind, String actor, Batch batch, Instant at) {
        String id = UUID.randomUUID().toString();
        journal.insertOne(new Document("_id", id).append("kind", kind).append("actor", actor)
                .append("state", "PENDING").append("collections", new ArrayList<>(batch.documents.keySet()))
                .append("documents", batch.size()).append("startedAt", Date.from(at)));
        try {
            for (Map.Entry<String, List<Document>> e : batch.documents.entrySet()) {
                MongoCollection<Document> collection = database.getCollection(e.getKey());
                List<Document> docs = e.getValue();
                for (int from = 0; from < docs.size(); from += INSERT_BATCH) {
                    List<Document> chunk = docs.subList(from, Math.min(docs.size(), from + INSERT_BATCH));
                    chunk.forEach(d -> d.put(IMPORT_ID, id));
                    collection.insertMany(chunk);
                }
            }
        } catch (RuntimeException e) {
            rollBack(journal.find(eq("_id", id)).first());
            throw e;
        }
        List<Document> entries = batch.entries.stream().map(AuditCodec::document).toList();
        // the commit carries the request's Idempotency-Key: a retry after a crash learns from it that the import is in
        journal.updateOne(eq("_id", id), Updates.combine(Updates.set("state", "COMMITTED"), Updates.set("entries", entries),
                IdempotencyMarks.update()));
        relay(id, entries);
        return id;
    }

    /** Finishes what a crash interrupted; run before taking calls. @return imports rolled back or completed */
    public int recover() {
        IdempotencyMarks.declareIndex(journal);
        int recovered = 0;
        for (Document pending : journal.find(in("state", List.of("PENDING", "COMMITTED")))) {
            if ("PENDING".equals(pending.getString("state"))) {
                rollBack(pending);
            } else {
                relay(pending.getString("_id"), pending.getList("entries", Document.class));
            }
            recovered++;
        }
        return recovered;
    }

    private void rollBack(Document pending) {
        String id = pending.getString("_id");
        long removed = 0;
        for (String name : pending.getList("collections", String.class)) {
            removed += database.getCollection(name).deleteMany(eq(IMPORT_ID, id)).getDeletedCount();
        }
        journal.updateOne(eq("_id", id), Updates.set("state", "ROLLED_BACK"));
        log.warn("import {} ({}) did not complete: {} stored documents removed", id, pending.getString("kind"), removed);
    }

    private void relay(String id, List<Document> entries) {
        trail.appendAll(entries);
        journal.updateOne(eq("_id", id), Updates.combine(Updates.set("state", "DONE"), Updates.unset("entries")));
    }
}
