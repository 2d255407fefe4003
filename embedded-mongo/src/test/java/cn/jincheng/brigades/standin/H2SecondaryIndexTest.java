package cn.jincheng.brigades.standin;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The embedded store's secondary indexes and query matching, through the real driver: a query
 * answered with an index finds exactly what the stock in-memory store finds by reading the whole
 * collection, after inserts, updates, deletes, restarts and drops.
 */
class H2SecondaryIndexTest {

    private final Path dir = TestDirs.fresh("secondary-index");
    private ConnectedStore store = ConnectedStore.in(dir);
    private MongoDatabase database = store.database();

    private void restart() {
        store.close();
        store = ConnectedStore.in(dir);
        database = store.database();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        List<String> ids = new ArrayList<>();
        collection.find(filter).forEach(d -> ids.add(d.getString("_id")));
        return new ArrayList<>(new TreeSet<>(ids));
    }

    @Test
    void anIndexedCollectionAnswersEveryQueryAsAScanDoesThroughWritesAndRestarts() {
        MongoCollection<Document> indexed = database.getCollection("items");
        indexed.createIndex(Indexes.ascending("brigadeId"));
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("countyId"), Indexes.descending("seq")));
        // the answers to compare with come from the stock in-memory backend: a store with none of
        // this project's indexes, matching or storage in it
        MongoServer stock = new MongoServer(new MemoryBackend());
        MongoClient stockClient = MongoClients.create("mongodb://127.0.0.1:" + stock.bind().getPort());
        MongoCollection<Document> plain = stockClient.getDatabase("test").getCollection("items");
        Random random = new Random(2019);
        String[] brigades = {"zezhou-gaodu", "zezhou-nancun", "gaoping-macun", "a\u0001b", "a", "1", ""};
        for (int i = 0; i < 600; i++) {
            Document d = new Document("_id", "item-" + i).append("seq", random.nextInt(5) + (random.nextBoolean() ? 0.0 : 0))
                    .append("countyId", random.nextBoolean() ? "zezhou" : "gaoping").append("gone", random.nextInt(7) == 0);
            int pick = random.nextInt(brigades.length + 3);
            if (pick < brigades.length) {
                d.append("brigadeId", brigades[pick]);
            } else if (pick == brigades.length) { // an array: matches a query by any of its values
                d.append("brigadeId", List.of(brigades[random.nextInt(brigades.length)], "zezhou-gaodu"));
            } else if (pick == brigades.length + 1) { // not a string at all
                d.append("brigadeId", 1);
            } // else: no brigadeId at all
            indexed.insertOne(d);
            plain.insertOne(new Document(d));
            if (i % 5 == 0) { // move an earlier item to another brigade, or delete one
                String id = "item-" + random.nextInt(i + 1);
                Bson change = Updates.set("brigadeId", brigades[random.nextInt(brigades.length)]);
                if (random.nextBoolean()) {
                    indexed.updateOne(eq("_id", id), change);
                    plain.updateOne(eq("_id", id), change);
                } else {
                    indexed.deleteOne(eq("_id", id));
                    plain.deleteOne(eq("_id", id));
                }
            }
            if (i == 300) {
                restart();
                indexed = database.getCollection("items");
            }
        }
        List<Bson> queries = new ArrayList<>();
        for (String b : brigades) {
            queries.add(eq("brigadeId", b));
            queries.add(and(eq("brigadeId", b), ne("gone", true)));
        }
        queries.add(in("brigadeId", List.of("zezhou-gaodu", "a\u0001b", "nobody")));
        queries.add(in("brigadeId", List.of()));
        queries.add(and(in("brigadeId", List.of("zezhou-nancun", "a", "")), ne("gone", true)));
        queries.add(and(in("brigadeId", List.of("gaoping-macun", "1")), eq("countyId", "zezhou"), ne("gone", true)));
        queries.add(and(ne("gone", true), in("brigadeId", List.of("a\u0001b"))));
        queries.add(in("_id", List.of("item-3", "item-77", "item-599", "nothing")));
        queries.add(and(in("_id", List.of("item-3", "item-77", "item-599")), eq("gone", false)));
        queries.add(eq("countyId", "zezhou"));
        queries.add(and(eq("countyId", "gaoping"), eq("seq", 3L)));
        queries.add(eq("seq", 2)); // not the first key of any index: a scan, still right
        for (Bson query : queries) {
            assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(plain, query));
        }
        stockClient.close();
        stock.shutdown();
        assertThat(ids(indexed, eq("brigadeId", "zezhou-gaodu"))).isNotEmpty();
    }

    @Test
    void anIndexAddedToACollectionWithDocumentsIndexesThemAndADroppedCollectionLeavesNoEntriesBehind() {
        MongoCollection<Document> items = database.getCollection("items");
        for (int i = 0; i < 50; i++) {
            items.insertOne(new Document("_id", "old-" + i).append("brigadeId", "b" + (i % 5)));
        }
        items.createIndex(Indexes.ascending("brigadeId"));
        assertThat(ids(items, eq("brigadeId", "b3"))).hasSize(10);

        items.drop();
        MongoCollection<Document> again = database.getCollection("items");
        again.createIndex(Indexes.ascending("brigadeId"));
        again.insertOne(new Document("_id", "new-1").append("brigadeId", "b3"));
        assertThat(ids(again, eq("brigadeId", "b3"))).containsExactly("new-1");

        again.dropIndex("brigadeId_1");
        assertThat(ids(again, eq("brigadeId", "b3"))).containsExactly("new-1");
    }

    @Test
    void aSparseIndexHoldsOnlyTheDocumentsWithTheFieldAndFindsThemThroughUpdatesAndRestarts() {
        MongoCollection<Document> items = database.getCollection("items");
        items.createIndex(Indexes.ascending("pending"), new com.mongodb.client.model.IndexOptions().sparse(true));
        for (int i = 0; i < 40; i++) {
            Document d = new Document("_id", "item-" + i);
            if (i % 4 == 0) {
                d.append("pending", true);
            }
            items.insertOne(d);
        }
        items.updateOne(eq("_id", "item-0"), Updates.unset("pending"));
        items.updateOne(eq("_id", "item-1"), Updates.set("pending", true));
        items.updateOne(eq("_id", "item-2"), Updates.set("pending", false));
        items.deleteOne(eq("_id", "item-4"));
        restart();
        items = database.getCollection("items");
        assertThat(ids(items, eq("pending", true)))
                .containsExactly("item-1", "item-12", "item-16", "item-20", "item-24", "item-28", "item-32", "item-36", "item-8");
        assertThat(ids(items, eq("pending", false))).containsExactly("item-2");

        MVStore store = MVStore.open(null);
        H2SecondaryIndex sparse = new H2SecondaryIndex(store.openMap("s"), "pending_1",
                List.of(new IndexKey("pending", true)), true);
        sparse.add(doc("_id", "a").append("pending", true), "a", null);
        sparse.add(doc("_id", "b"), "b", null);
        sparse.add(doc("_id", "c").append("pending", null), "c", null);
        assertThat(sparse.getCount()).isEqualTo(2); // a and c: b has no such field
        sparse.updateInPlace(doc("_id", "a").append("pending", true), doc("_id", "a"), "a", null);
        sparse.remove(doc("_id", "b"));
        assertThat(sparse.getCount()).isEqualTo(1);
        assertThat(sparse.canHandle(doc("pending", true))).isTrue();
        sparse.remove(doc("_id", "c").append("pending", null));
        assertThat(sparse.isEmpty()).as("nothing in it, never built: the store builds it").isTrue();
        sparse.markBuilt();
        assertThat(sparse.isEmpty()).as("built, with nothing in it: not to be built again at every start").isFalse();
        assertThat(sparse.getCount()).isZero();
        assertThat(sparse.getPositions(doc("pending", true))).isEmpty();
        store.close();
    }

    @Test
    void theIndexTakesEqualityAndInOfPlainValuesAndLeavesTheRestToTheScan() {
        MVStore store = MVStore.open(null);
        H2SecondaryIndex index = new H2SecondaryIndex(store.openMap("i"), "brigadeId_1",
                List.of(new IndexKey("brigadeId", true)), false);
        assertThat(index.canHandle(doc("brigadeId", "zezhou-gaodu"))).isTrue();
        assertThat(index.canHandle(doc("brigadeId", doc("$in", List.of("a", "b"))))).isTrue();
        assertThat(index.canHandle(doc("brigadeId", 3))).isTrue();
        assertThat(index.canHandle(doc("brigadeId", doc("$gt", "a")))).isFalse();
        assertThat(index.canHandle(doc("brigadeId", null))).isFalse();
        assertThat(index.canHandle(doc("brigadeId", doc("$in", java.util.Arrays.asList("a", null))))).isFalse();
        assertThat(index.canHandle(doc("countyId", "zezhou"))).isFalse();
        assertThat(index.canHandle(doc("$and", List.of(doc("brigadeId", doc("$in", List.of("a"))), doc("gone", false))))).isTrue();
        assertThat(index.canHandle(doc("$and", List.of(doc("countyId", "a"), doc("gone", false))))).isFalse();
        assertThat(index.canHandle(doc("$or", List.of(doc("brigadeId", "a"), doc("gone", false))))).isFalse();
        assertThat(H2SecondaryIndex.encode(1)).isEqualTo(H2SecondaryIndex.encode(1.0)).isEqualTo(H2SecondaryIndex.encode(1L));
        assertThat(H2SecondaryIndex.encode("1")).isNotEqualTo(H2SecondaryIndex.encode(1));
        assertThat(H2SecondaryIndex.encode("a\u0001b")).doesNotContain("\u0001");
        store.close();
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }
}
