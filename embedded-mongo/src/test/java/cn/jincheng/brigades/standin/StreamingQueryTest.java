package cn.jincheng.brigades.standin;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * Results read as the client asks for them (unsorted, or sorted by _id) come out exactly as the
 * collected ones did: every match once, in the asked order, projected, skipped and limited.
 */
class StreamingQueryTest {

    private static final int DOCUMENTS = 3_000;

    @AutoClose
    private final ConnectedStore store = ConnectedStore.fresh("streaming");
    private final MongoCollection<Document> items = store.database().getCollection("items");
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void fill() {
        items.createIndex(Indexes.ascending("county"));
        Random random = new Random(7);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String id = "b" + String.format("%06d", random.nextInt(1_000_000)) + "-" + i;
            ids.add(id);
            batch.add(new Document("_id", id).append("county", "c" + (i % 6)).append("n", i).append("big", "x".repeat(200)));
        }
        items.insertMany(batch);
    }

    @Test
    void everyDocumentComesOnceInIdOrderWhateverTheBatchSize() {
        List<String> sorted = ids.stream().sorted().toList();
        for (int batchSize : new int[] { 0, 1, 100, 5_000 }) {
            List<String> read = new ArrayList<>();
            items.find().sort(Sorts.ascending("_id")).batchSize(batchSize).forEach(d -> read.add(d.getString("_id")));
            assertThat(read).as("batch size " + batchSize).isEqualTo(sorted);
        }
        List<String> descending = new ArrayList<>();
        items.find().sort(Sorts.descending("_id")).batchSize(250).forEach(d -> descending.add(d.getString("_id")));
        assertThat(descending).isEqualTo(ids.stream().sorted(Comparator.reverseOrder()).toList());
    }

    @Test
    void aFilterOnAnIndexedFieldWithProjectionSkipAndLimitStreamsTheSameAsACollectedQuery() {
        List<Document> streamed = items.find(eq("county", "c2")).sort(Sorts.ascending("_id"))
                .projection(Projections.include("n")).skip(10).limit(300).batchSize(40).into(new ArrayList<>());
        List<Document> expected = ids.stream().filter(id -> Integer.parseInt(id.substring(id.indexOf('-') + 1)) % 6 == 2)
                .sorted().skip(10).limit(300)
                .map(id -> new Document("_id", id).append("n", Integer.parseInt(id.substring(id.indexOf('-') + 1)))).toList();
        assertThat(streamed).isEqualTo(expected);
        // an order the store cannot stream is still answered, sorted in memory
        List<Integer> byN = new ArrayList<>();
        items.find(gte("n", 2_990)).sort(Sorts.descending("n")).forEach(d -> byN.add(d.getInteger("n")));
        assertThat(byN).isSortedAccordingTo(Comparator.reverseOrder()).hasSize(10);
    }

    @Test
    void anAggregationThatStartsWithAMatchAnswersAsOverTheWholeCollection() {
        assertThat(items.countDocuments(eq("county", "c2"))).isEqualTo(DOCUMENTS / 6);
        assertThat(items.countDocuments(gte("n", 2_990))).isEqualTo(10);
        Document total = items.aggregate(List.of(Aggregates.match(eq("county", "c1")),
                Aggregates.group(null, Accumulators.sum("total", "$n"), Accumulators.sum("count", 1)))).first();
        long expected = 0;
        for (int i = 1; i < DOCUMENTS; i += 6) {
            expected += i;
        }
        assertThat(((Number) total.get("total")).longValue()).isEqualTo(expected);
        assertThat(total.getInteger("count")).isEqualTo(DOCUMENTS / 6);
        List<Document> byCounty = items.aggregate(List.of(Aggregates.match(gte("n", 0)),
                Aggregates.group("$county", Accumulators.sum("count", 1)), Aggregates.sort(Sorts.ascending("_id"))))
                .into(new ArrayList<>());
        assertThat(byCounty).extracting(d -> d.getString("_id")).containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void countingAWholeCollectionAnswersItsSizeAndNothingForAnEmptyOne() {
        assertThat(items.countDocuments()).isEqualTo(DOCUMENTS);
        assertThat(items.countDocuments(new Document())).isEqualTo(DOCUMENTS);
        Document counted = items.aggregate(List.of(Aggregates.match(new Document()),
                Aggregates.group("all", Accumulators.sum("n", 1)))).first();
        assertThat(counted).isEqualTo(new Document("_id", "all").append("n", DOCUMENTS));
        // a group by a field is no count of the collection: it still reads the documents
        assertThat(items.aggregate(List.of(Aggregates.match(new Document()), Aggregates.group("$county",
                Accumulators.sum("n", 1)))).into(new ArrayList<>())).hasSize(6);
        MongoCollection<Document> none = store.database().getCollection("none");
        assertThat(none.countDocuments()).isZero();
        assertThat(none.aggregate(List.of(Aggregates.match(new Document()), Aggregates.group(null,
                Accumulators.sum("n", 1)))).first()).isNull();
        items.deleteMany(eq("county", "c0"));
        assertThat(items.countDocuments()).isEqualTo(DOCUMENTS - DOCUMENTS / 6);
    }

    @Test
    void aCursorLeftOpenCanBeClosedAndTheStoreKeepsAnswering() {
        try (MongoCursor<Document> cursor = items.find().batchSize(10).iterator()) {
            assertThat(cursor.next()).isNotNull();
        }
        assertThat(items.countDocuments()).isEqualTo(DOCUMENTS);
        assertThat(items.find().into(new ArrayList<>())).hasSize(DOCUMENTS);
    }
}
