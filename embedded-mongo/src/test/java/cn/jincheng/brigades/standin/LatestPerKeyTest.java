package cn.jincheng.brigades.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/**
 * The head of each chain from the (brigade, seq) index's keys gives what sorting every entry
 * gives, with chains long enough that text order and number order of seq differ (99 before 100):
 * read from each head's document, or from the index's keys alone when it holds every field the
 * groups take.
 */
class LatestPerKeyTest {

    private static final List<Bson> HEADS = List.of(
            Aggregates.match(Filters.in("brigadeId", "b0", "b1", "b2", "b5", "b11", "nobody")),
            Aggregates.sort(com.mongodb.client.model.Sorts.descending("brigadeId", "seq")),
            Aggregates.group("$brigadeId", Accumulators.first("seq", "$seq"), Accumulators.first("hash", "$hash")));

    @AutoClose
    private final ConnectedStore store = ConnectedStore.fresh("latest-per-key");
    private final MongoCollection<Document> sortedInStore = store.database().getCollection("sorted");

    @BeforeEach
    void fill() {
        sortedInStore.createIndex(Indexes.ascending("brigadeId"));
        sortedInStore.insertMany(chains());
    }

    @Test
    void theLatestEntryOfEachChainFromTheIndexEqualsSortingEveryEntry() {
        MongoCollection<Document> indexed = chainsIndexedBy("indexed", "brigadeId", "seq");

        List<Document> fromKeys = byId(indexed.aggregate(HEADS).into(new ArrayList<>()));

        assertThat(fromKeys).hasSize(5).isEqualTo(byId(sortedInStore.aggregate(HEADS).into(new ArrayList<>())));
        assertThat(fromKeys.get(0)).isEqualTo(new Document("_id", "b0").append("seq", 130L).append("hash", "h0-130"));
    }

    @Test
    void anIndexHoldingEveryFieldOfTheGroupsAnswersFromItsKeys() {
        MongoCollection<Document> covering = chainsIndexedBy("covering", "brigadeId", "seq", "hash");

        List<Document> fromKeys = byId(covering.aggregate(HEADS).into(new ArrayList<>()));

        assertThat(numbersAsLongs(fromKeys)).hasSize(5)
                .isEqualTo(numbersAsLongs(byId(sortedInStore.aggregate(HEADS).into(new ArrayList<>()))));
        // the keys keep a number's value, not its type: the narrowest that holds it comes back
        assertThat(fromKeys.get(0).get("seq")).isEqualTo(130);
    }

    @Test
    void aFieldTheIndexDoesNotHoldIsReadFromTheHeadsDocuments() {
        MongoCollection<Document> covering = chainsIndexedBy("partly", "brigadeId", "seq", "hash");
        List<Bson> withTime = List.of(HEADS.get(0), HEADS.get(1), Aggregates.group("$brigadeId",
                Accumulators.first("hash", "$hash"), Accumulators.first("at", "$at")));

        List<Document> heads = byId(covering.aggregate(withTime).into(new ArrayList<>()));

        assertThat(heads).hasSize(5).isEqualTo(byId(sortedInStore.aggregate(withTime).into(new ArrayList<>())));
        assertThat(heads.get(0)).isEqualTo(new Document("_id", "b0").append("hash", "h0-130").append("at", 130_000L));
    }

    private MongoCollection<Document> chainsIndexedBy(String name, String... fields) {
        MongoCollection<Document> collection = store.database().getCollection(name);
        collection.createIndex(Indexes.ascending(fields));
        collection.insertMany(chains());
        return collection;
    }

    /** Twelve chains in a shuffled order, the first 130 entries long. */
    private static List<Document> chains() {
        Random random = new Random(3);
        List<Document> entries = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            int length = b == 0 ? 130 : random.nextInt(15) + 1;
            for (int seq = 1; seq <= length; seq++) {
                entries.add(new Document("_id", "b" + b + "#" + seq).append("brigadeId", "b" + b)
                        .append("seq", (long) seq).append("hash", "h" + b + "-" + seq).append("at", seq * 1_000L));
            }
        }
        Collections.shuffle(entries, random);
        return entries;
    }

    private static List<Document> byId(List<Document> groups) {
        groups.sort(Comparator.comparing(d -> d.getString("_id")));
        return groups;
    }

    private static List<Document> numbersAsLongs(List<Document> groups) {
        List<Document> out = new ArrayList<>();
        for (Document group : groups) {
            Document copy = new Document();
            group.forEach((k, v) -> copy.append(k, v instanceof Integer i ? (Object) i.longValue() : v));
            out.add(copy);
        }
        return out;
    }
}
