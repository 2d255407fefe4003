package cn.jincheng.brigades.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.BsonValue;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/**
 * {@code distinct} on a field an index leads with is answered from the index's keys, and gives
 * what the store's own way (reading every document) gives on the same documents without the index.
 */
class DistinctScanTest {

    @AutoClose
    private final ConnectedStore store = ConnectedStore.fresh("distinct-scan");

    private MongoCollection<org.bson.Document> collection(String name) {
        return store.database().getCollection(name);
    }

    private static <T> List<T> distinct(MongoCollection<org.bson.Document> collection, String field, Class<T> type) {
        return collection.distinct(field, type).into(new ArrayList<>());
    }

    @Test
    void theIndexGivesTheDistinctStringsTheDocumentsGive() {
        MongoCollection<org.bson.Document> indexed = collection("indexed");
        MongoCollection<org.bson.Document> read = collection("read");
        indexed.createIndex(Indexes.ascending("brigadeId", "seq"));
        Random random = new Random(11);
        List<org.bson.Document> entries = new ArrayList<>();
        // prefixes of one another, and the encoding's own separators and escape inside values
        List<String> brigades = List.of("b1", "b10", "b1\u0001", "b1\u0000x", "b1\u0002", "b2", "a", "z\u00e9");
        for (int i = 0; i < 2_000; i++) {
            entries.add(new org.bson.Document("brigadeId", brigades.get(random.nextInt(brigades.size())))
                    .append("seq", random.nextInt(100)));
        }
        indexed.insertMany(entries);
        read.insertMany(entries);

        List<String> fromIndex = distinct(indexed, "brigadeId", String.class);
        assertThat(fromIndex).containsExactlyInAnyOrderElementsOf(brigades);
        assertThat(fromIndex).isEqualTo(distinct(read, "brigadeId", String.class));
        assertThat(distinct(indexed, "brigadeId", String.class)).isEqualTo(fromIndex);
    }

    @Test
    void numbersComeBackOnceEachInTheStoresOrder() {
        MongoCollection<org.bson.Document> indexed = collection("numbers");
        MongoCollection<org.bson.Document> read = collection("numbers-read");
        indexed.createIndex(Indexes.ascending("n"));
        List<org.bson.Document> entries = new ArrayList<>();
        for (Object n : List.<Object>of(10, 2, 1, 1.5, 2L, 10, -3, 100)) {
            entries.add(new org.bson.Document("n", n));
        }
        indexed.insertMany(entries);
        read.insertMany(entries);

        List<Double> fromIndex = distinct(indexed, "n", BsonValue.class).stream().map(v -> v.asNumber().doubleValue()).toList();
        assertThat(fromIndex).containsExactly(-3.0, 1.0, 1.5, 2.0, 10.0, 100.0)
                .isEqualTo(distinct(read, "n", BsonValue.class).stream().map(v -> v.asNumber().doubleValue()).toList());
    }

    @Test
    void nullsMissingFieldsAndFiltersAreAnsweredFromTheDocuments() {
        MongoCollection<org.bson.Document> indexed = collection("gaps");
        indexed.createIndex(Indexes.ascending("county"));
        indexed.insertMany(List.of(new org.bson.Document("county", "zezhou"), new org.bson.Document("county", null),
                new org.bson.Document("other", 1), new org.bson.Document("county", "gaoping")));

        assertThat(distinct(indexed, "county", String.class)).containsExactly(null, "gaoping", "zezhou");
        assertThat(indexed.distinct("county", Filters.eq("county", "zezhou"), String.class).into(new ArrayList<>()))
                .containsExactly("zezhou");
    }
}
