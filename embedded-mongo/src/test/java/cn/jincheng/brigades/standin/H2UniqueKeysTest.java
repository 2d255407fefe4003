package cn.jincheng.brigades.standin;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;


/**
 * Unique indexes of the embedded store, through the real driver: they refuse duplicates and find
 * what a scan finds, through writes and restarts, and a store written by the stock backend gets
 * its unique indexes rebuilt in the new form with nothing lost.
 */
class H2UniqueKeysTest {

    private static void assertDuplicateRefused(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    @Test
    void uniqueIndexesRefuseDuplicatesAndAnswerAsAScanDoesThroughWritesAndRestarts() {
        Path dir = TestDirs.fresh("unique-keys");
        Random random = new Random(35547);
        TreeMap<String, String> plateOf = new TreeMap<>();
        for (int round = 0; round < 3; round++) {
            try (ConnectedStore store = ConnectedStore.in(dir)) {
                MongoCollection<Document> vehicles = store.database().getCollection("vehicles");
                vehicles.createIndex(Indexes.ascending("plate"), new IndexOptions().unique(true));
                for (int i = 0; i < 300; i++) {
                    String id = "v" + random.nextInt(400);
                    String plate = "晋E" + random.nextInt(600);
                    boolean plateTaken = plateOf.containsValue(plate);
                    if (plateOf.containsKey(id)) {
                        if (random.nextBoolean()) {
                            vehicles.deleteOne(eq("_id", id));
                            plateOf.remove(id);
                        } else if (plateTaken && !plate.equals(plateOf.get(id))) {
                            assertDuplicateRefused(() -> vehicles.updateOne(eq("_id", id), Updates.set("plate", plate)));
                        } else {
                            vehicles.updateOne(eq("_id", id), Updates.set("plate", plate));
                            plateOf.put(id, plate);
                        }
                    } else if (plateTaken) {
                        assertDuplicateRefused(() -> vehicles.insertOne(new Document("_id", id).append("plate", plate)));
                    } else {
                        vehicles.insertOne(new Document("_id", id).append("plate", plate));
                        plateOf.put(id, plate);
                    }
                }
                String someId = plateOf.firstKey();
                assertDuplicateRefused(() -> vehicles.insertOne(new Document("_id", someId).append("plate", "new")));
                for (var e : plateOf.entrySet()) {
                    assertThat(vehicles.find(eq("plate", e.getValue())).first().getString("_id")).isEqualTo(e.getKey());
                    assertThat(vehicles.find(eq("_id", e.getKey())).first().getString("plate")).isEqualTo(e.getValue());
                }
                String middle = new ArrayList<>(plateOf.keySet()).get(plateOf.size() / 2);
                assertThat(ids(vehicles.find(gt("_id", middle)))).isEqualTo(new ArrayList<>(plateOf.tailMap(middle, false).keySet()));
                assertThat(ids(vehicles.find(in("_id", List.of(someId, "nobody", middle))))).containsExactlyInAnyOrder(someId, middle);
                assertThat(vehicles.countDocuments()).isEqualTo(plateOf.size());
            }
        }
    }

    @Test
    void aStoreWrittenByTheStockBackendGetsItsUniqueIndexesRebuiltWithNothingLost() {
        Path dir = TestDirs.fresh("stock-unique");
        String file = dir.resolve("store.mv.db").toString();
        StockStore.write(dir.resolve("store.mv.db"), "", client -> {
            MongoCollection<Document> vehicles = client.getDatabase("test").getCollection("vehicles");
            vehicles.createIndex(Indexes.ascending("plate"), new IndexOptions().unique(true));
            for (int i = 0; i < 120; i++) {
                vehicles.insertOne(new Document("_id", String.format("v%03d", i)).append("plate", "晋E" + i));
            }
        });
        try (ConnectedStore store = ConnectedStore.in(dir)) {
            MongoCollection<Document> vehicles = store.database().getCollection("vehicles");
            assertThat(vehicles.find(eq("_id", "v077")).first().getString("plate")).isEqualTo("晋E77");
            assertThat(vehicles.find(eq("plate", "晋E5")).first().getString("_id")).isEqualTo("v005");
            assertDuplicateRefused(() -> vehicles.insertOne(new Document("_id", "v001").append("plate", "晋E999")));
            assertDuplicateRefused(() -> vehicles.insertOne(new Document("_id", "v999").append("plate", "晋E1")));
            assertThat(vehicles.countDocuments()).isEqualTo(120);
        }
        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(store.getMapNames()).noneMatch(n -> n.contains("._index_"))
                    .contains("test.vehicles._unique__id_", "test.vehicles._unique_plate_1");
            assertThat(store.openMap("test.vehicles._unique_plate_1",
                    new org.h2.mvstore.MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>().keyType(KeyValueType.INSTANCE))
                    .sizeAsLong()).isEqualTo(120);
        } finally {
            store.close();
        }
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
