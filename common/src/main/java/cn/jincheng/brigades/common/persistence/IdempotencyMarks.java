package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.Date;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.idempotency.IdempotencyMark;

/**
 * The Idempotency-Key of the request that last changed a document, written in the same
 * single-document write as the change ({@value #FIELD}: caller, key, at). Every audited change
 * already is one write carrying its audit entry ({@link AuditOutbox}), so the mark rides along
 * there. Its only reader is the rare retry that finds its key claimed by a request whose service
 * stopped before storing the answer: a mark says the change was made, so it is not made again.
 */
public final class IdempotencyMarks {

    public static final String FIELD = "idempotency";
    static final String INDEX = "idempotency_mark";

    private IdempotencyMarks() {
    }

    /** The update part that marks the document, or an empty update when no key came with the request. */
    public static Bson update() {
        IdempotencyMark mark = IdempotencyMark.current();
        return mark == null ? Updates.combine() : Updates.set(FIELD, document(mark));
    }

    /** Marks a new document, when a key came with the request. */
    public static Document onto(Document document) {
        IdempotencyMark mark = IdempotencyMark.current();
        if (mark != null) {
            document.put(FIELD, document(mark));
        }
        return document;
    }

    /** Declared on every collection whose documents are marked; sparse, so unmarked documents cost nothing. */
    public static void declareIndex(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(FIELD + ".caller", FIELD + ".key"),
                new IndexOptions().sparse(true).name(INDEX));
    }

    /** True when a document of the database carries this caller's key: the request's change was made. */
    public static boolean applied(MongoDatabase database, String caller, String key) {
        Bson marked = and(eq(FIELD + ".caller", caller), eq(FIELD + ".key", key));
        for (String name : database.listCollectionNames()) {
            MongoCollection<Document> collection = database.getCollection(name);
            if (hasIndex(collection) && collection.find(marked).limit(1).first() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIndex(MongoCollection<Document> collection) {
        for (Document index : collection.listIndexes()) {
            if (INDEX.equals(index.getString("name"))) {
                return true;
            }
        }
        return false;
    }

    private static Document document(IdempotencyMark mark) {
        return new Document("caller", mark.caller()).append("key", mark.key()).append("at", Date.from(mark.at()));
    }
}
