package cn.jincheng.brigades.standin;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A query that names a unique key with a plain value and more fields besides is read by the key
 * and checked on the one document it finds; it answers what reading every document answers.
 */
class UniqueKeyLookupTest {

    private static H2UniqueKeys unique(MVStore store, String... fields) {
        return new H2UniqueKeys(store.openMap(String.join("_", fields), new org.h2.mvstore.MVMap.Builder<
                de.bwaldvogel.mongo.backend.KeyValue, Object>().keyType(KeyValueType.INSTANCE)), String.join("_", fields),
                java.util.Arrays.stream(fields).map(f -> new IndexKey(f, true)).toList(), false);
    }

    @Test
    void onlyAQueryNamingEveryKeyWithAPlainValueAndMoreIsReadByTheKey() {
        MVStore store = MVStore.open(null);
        H2UniqueKeys id = unique(store, "_id");
        H2UniqueKeys plateAndCounty = unique(store, "plate", "county");

        assertThat(IndexedH2Collection.uniqueKeyQuery(id, new Document("_id", "b1").append("version", 3)))
                .isEqualTo(new Document("_id", "b1"));
        assertThat(IndexedH2Collection.uniqueKeyQuery(id, new Document("_id", 7L).append("gone", new Document("$ne", true))))
                .isEqualTo(new Document("_id", 7L));
        assertThat(IndexedH2Collection.uniqueKeyQuery(plateAndCounty,
                new Document("plate", "晋E1").append("county", "zezhou").append("gone", false)))
                .isEqualTo(new Document("plate", "晋E1").append("county", "zezhou"));

        List<Document> theStoresWay = List.of(
                new Document("_id", "b1"), // exactly the keys: the store's own look-up
                new Document("version", 3).append("n", 1), // no key at all
                new Document("_id", new Document("$in", List.of("b1", "b2"))).append("version", 3),
                new Document("_id", new Document("$gt", "b1")).append("version", 3),
                new Document("_id", null).append("version", 3),
                new Document("_id", List.of("b1")).append("version", 3),
                new Document("_id", new Document("k", 1)).append("version", 3), // an embedded document
                new Document("plate", "晋E1").append("gone", false)); // part of a compound key
        for (Document query : theStoresWay) {
            assertThat(IndexedH2Collection.uniqueKeyQuery(id, query)).as(query.toString()).isNull();
            assertThat(IndexedH2Collection.uniqueKeyQuery(plateAndCounty, query)).as(query.toString()).isNull();
        }
        store.close();
    }

    @Test
    void readsByTheKeyAnswerAsTheDocumentsDoThroughUpdatesCountsAndDeletes() {
        try (ConnectedStore store = ConnectedStore.fresh("unique-key-lookup")) {
            MongoCollection<org.bson.Document> brigades = store.database().getCollection("brigades");
            brigades.createIndex(Indexes.ascending("plate", "county"), new IndexOptions().unique(true));
            Random random = new Random(19);
            List<org.bson.Document> kept = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                org.bson.Document d = new org.bson.Document("_id", "b" + i).append("version", random.nextInt(3))
                        .append("plate", "晋E" + i).append("county", "c" + (i % 4));
                if (random.nextBoolean()) {
                    d.append("payer", "county");
                }
                kept.add(d);
            }
            brigades.insertMany(kept);

            for (int i = 0; i < 200; i++) {
                org.bson.Document d = kept.get(i);
                int seen = random.nextInt(3);
                Bson onVersion = and(eq("_id", d.getString("_id")), eq("version", seen));
                long changed = brigades.updateOne(onVersion, Updates.combine(Updates.inc("version", 1),
                        Updates.set("note", "n" + i))).getModifiedCount();
                assertThat(changed).as("update of %s at version %d", d.get("_id"), seen)
                        .isEqualTo(d.getInteger("version") == seen ? 1 : 0);
                if (changed == 1) {
                    d.put("version", seen + 1);
                    d.put("note", "n" + i);
                }
            }
            for (org.bson.Document d : kept) {
                assertThat(brigades.find(and(eq("_id", d.get("_id")), exists("payer", false))).first())
                        .isEqualTo(d.containsKey("payer") ? null : d);
                assertThat(brigades.countDocuments(and(eq("_id", d.get("_id")), gt("version", 0))))
                        .isEqualTo(d.getInteger("version") > 0 ? 1 : 0);
                assertThat(brigades.find(and(eq("plate", d.get("plate")), eq("county", d.get("county")),
                        exists("note"))).first()).isEqualTo(d.containsKey("note") ? d : null);
            }
            long unpaid = kept.stream().filter(d -> !d.containsKey("payer")).count();
            long deleted = 0;
            for (org.bson.Document d : kept) {
                deleted += brigades.deleteOne(and(eq("_id", d.get("_id")), exists("payer", false))).getDeletedCount();
            }
            assertThat(deleted).isEqualTo(unpaid);
            assertThat(new TreeSet<>(brigades.distinct("_id", String.class).into(new ArrayList<>())))
                    .isEqualTo(new TreeSet<>(kept.stream().filter(d -> d.containsKey("payer"))
                            .map(d -> d.getString("_id")).toList()));
        }
    }
}
