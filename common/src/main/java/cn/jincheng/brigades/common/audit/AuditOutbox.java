package cn.jincheng.brigades.common.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

/**
 * Makes a change and its audit entry one write. The entry rides in the changed document itself
 * ({@value #FIELD}) — a single-document write is atomic in MongoDB, no transaction needed — and is
 * then appended to the brigade's chain and taken off the document. A crash in between leaves the
 * entry on the document, and {@link #relayLeftovers} appends it when the service starts again
 * (appending is idempotent by entry id). So no change is ever stored without its audit entry.
 */
public final class AuditOutbox {

    public static final String FIELD = "outbox";

    private final AuditTrail trail;

    public AuditOutbox(AuditTrail trail) {
        this.trail = trail;
    }

    /** A new document carrying its audit entry, for an insert. */
    public static Document carrying(Document document, AuditEntry entry) {
        document.put(FIELD, List.of(AuditCodec.document(entry)));
        return document;
    }

    /** The update part that adds the entry, to combine with a change's own updates. */
    public static Bson carrying(AuditEntry entry) {
        return Updates.push(FIELD, AuditCodec.document(entry));
    }

    /** After the write: appends the entry to its chain, then takes it off the document. */
    public void relay(MongoCollection<Document> collection, Object documentId, AuditEntry entry) {
        trail.append(entry);
        collection.updateOne(eq("_id", documentId), Updates.pull(FIELD, eq("_id", entry.id())));
    }

    /** Appends the entries a crash left on documents of the collection; run before taking calls. @return how many */
    public int relayLeftovers(MongoCollection<Document> collection) {
        int relayed = 0;
        for (Document document : collection.find(exists(FIELD + ".0"))) {
            for (Document entry : document.getList(FIELD, Document.class)) {
                trail.append(new Document(entry));
                collection.updateOne(eq("_id", document.get("_id")), Updates.pull(FIELD, eq("_id", entry.get("_id"))));
                relayed++;
            }
        }
        return relayed;
    }
}
