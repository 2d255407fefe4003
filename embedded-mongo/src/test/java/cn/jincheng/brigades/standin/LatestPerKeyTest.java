package cn.jincheng.brigades.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * The head of each chain from the (brigade, seq) index's keys gives what sorting every entry
 * gives, with chains long enough that text order and number order of seq differ (99 before 100).
 */
class LatestPerKeyTest {

    @Test
    void theLatestEntryOfEachChainFromTheIndexEqualsSortingEveryEntry() {
        try (ConnectedStore store = ConnectedStore.fresh("latest-per-key")) {
            var database = store.database();
            MongoCollection<Document> indexed = database.getCollection("indexed");
            MongoCollection<Document> sortedInStore = database.getCollection("sorted");
            indexed.createIndex(Indexes.ascending("brigadeId", "seq"));
            sortedInStore.createIndex(Indexes.ascending("brigadeId"));
            Random random = new Random(3);
            List<Document> entries = new ArrayList<>();
            for (int b = 0; b < 12; b++) {
                int length = b == 0 ? 130 : random.nextInt(15) + 1;
                for (int seq = 1; seq <= length; seq++) {
                    entries.add(new Document("_id", "b" + b + "#" + seq).append("brigadeId", "b" + b)
                            .append("seq", (long) seq).append("hash", "h" + b + "-" + seq));
                }
            }
            java.util.Collections.shuffle(entries, random);
            indexed.insertMany(entries);
            sortedInStore.insertMany(entries);

            List<Bson> pipeline = List.of(
                    Aggregates.match(Filters.in("brigadeId", "b0", "b1", "b2", "b5", "b11", "nobody")),
                    Aggregates.sort(Sorts.descending("brigadeId", "seq")),
                    Aggregates.group("$brigadeId", Accumulators.first("seq", "$seq"), Accumulators.first("hash", "$hash")));
            List<Document> fromKeys = byId(indexed.aggregate(pipeline).into(new ArrayList<>()));
            List<Document> fromSorting = byId(sortedInStore.aggregate(pipeline).into(new ArrayList<>()));

            assertThat(fromKeys).hasSize(5).isEqualTo(fromSorting);
            assertThat(fromKeys.get(0)).isEqualTo(new Document("_id", "b0").append("seq", 130L).append("hash", "h0-130"));
        }
    }

    private static List<Document> byId(List<Document> groups) {
        groups.sort(Comparator.comparing(d -> d.getString("_id")));
        return groups;
    }
}
