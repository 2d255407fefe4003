package cn.jincheng.brigades.common.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;

/**
 * A collection's indexes, declared by the service that owns it when it starts: the ones its queries
 * need are created (a no-op when they exist), and the ones an earlier version declared in their
 * place are dropped, so a store upgraded in place keeps no index that only costs writes. A
 * superseded index is dropped after its successor exists, so that no query runs without an index
 * meanwhile, except one on the same keys (MongoDB keeps one index per key pattern), which goes first.
 */
public final class MongoIndexes {

    private MongoIndexes() {
    }

    public static void declare(MongoCollection<Document> collection, List<IndexModel> indexes, String... superseded) {
        List<String> dropAfter = new ArrayList<>();
        if (superseded.length > 0) {
            for (Document present : collection.listIndexes()) {
                String name = present.getString("name");
                if (!List.of(superseded).contains(name)) {
                    continue;
                }
                if (indexes.stream().anyMatch(declared -> sameKeys(present.get("key", Document.class), declared))) {
                    collection.dropIndex(name);
                } else {
                    dropAfter.add(name);
                }
            }
        }
        collection.createIndexes(indexes);
        dropAfter.forEach(collection::dropIndex);
    }

    /** The same fields in the same order and directions; 1 and 1.0 are one direction. */
    static boolean sameKeys(Document present, IndexModel declared) {
        BsonDocument keys = declared.getKeys().toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry());
        if (present == null || present.size() != keys.size()) {
            return false;
        }
        var presentKeys = present.entrySet().iterator();
        for (Map.Entry<String, BsonValue> key : keys.entrySet()) {
            Map.Entry<String, Object> other = presentKeys.next();
            if (!key.getKey().equals(other.getKey()) || !Objects.equals(direction(key.getValue()), direction(other.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static Object direction(Object value) {
        if (value instanceof BsonValue bson && bson.isNumber()) {
            return bson.asNumber().intValue();
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        return value instanceof BsonValue bson && bson.isString() ? bson.asString().getValue() : value;
    }
}
