package cn.jincheng.brigades.common.persistence;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

/** Write idioms every repository needs the same way. */
public final class MongoWrites {

    private MongoWrites() {
    }

    /**
     * Inserts the document unless one with its {@code _id} exists; safe to repeat (seeding, relaying
     * an outbox after a crash). @return true when this call inserted it
     */
    public static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
