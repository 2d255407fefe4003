package cn.jincheng.brigades.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Summing aggregations and counts answered from a covering index's keys give what reading the
 * documents gives, and the index declines whenever its keys cannot stand for the documents.
 */
class CoveredSumTest {

    private static final Bson COVERING = Indexes.ascending("brigade", "code", "_id", "expires", "quantity");

    @Test
    void aCoveredSumEqualsTheSumOverTheDocumentsForEveryBrigadeAndDay() {
        try (ConnectedStore store = ConnectedStore.fresh("covered-sum")) {
            MongoCollection<org.bson.Document> covered = holdingsIn(store, "covered", COVERING);
            MongoCollection<org.bson.Document> read = holdingsIn(store, "read", Indexes.ascending("brigade"));

            for (String day : List.of("2019-10-10", "2019-11-15", "2019-12-27", "2019-12-28")) {
                List<Bson> pipeline = List.of(
                        Aggregates.match(Filters.and(Filters.in("brigade", "b1", "b2", "b3", "b4", "b5", "b39"),
                                Filters.or(Filters.eq("expires", null), Filters.gte("expires", day)))),
                        Aggregates.group(new org.bson.Document("brigade", "$brigade").append("code", "$code"),
                                Accumulators.sum("quantity", "$quantity"), Accumulators.sum("holdings", 1)));
                List<org.bson.Document> fromKeys = sorted(covered.aggregate(pipeline).into(new ArrayList<>()));
                List<org.bson.Document> fromDocuments = sorted(read.aggregate(pipeline).into(new ArrayList<>()));
                assertThat(fromKeys).as("on %s", day).isNotEmpty().isEqualTo(fromDocuments);
            }
        }
    }

    @Test
    void aCountTheIndexCoversEqualsTheCountOfTheDocuments() {
        try (ConnectedStore store = ConnectedStore.fresh("covered-count")) {
            MongoCollection<org.bson.Document> covered = holdingsIn(store, "covered", COVERING);
            MongoCollection<org.bson.Document> plain = holdingsIn(store, "plain", null);

            List<Bson> filters = List.of(Filters.eq("brigade", "b1"), Filters.eq("brigade", "nobody"),
                    Filters.in("brigade", "b1", "b2", "b39"),
                    Filters.and(Filters.eq("brigade", "b3"), Filters.eq("code", "c2")),
                    Filters.and(Filters.eq("brigade", "b3"), Filters.eq("code", "c\u00011")),
                    Filters.and(Filters.in("brigade", "b4", "b5"), Filters.or(Filters.eq("expires", null),
                            Filters.gte("expires", "2019-11-15"))),
                    Filters.and(Filters.eq("brigade", "b6"), Filters.eq("quantity", "many")),
                    Filters.and(Filters.eq("brigade", "b7"), Filters.exists("code", false)), // not decided by keys
                    Filters.and(Filters.eq("brigade", "b8"), Filters.eq("elsewhere", 1)), // a field the index lacks
                    Filters.eq("code", "c1")); // not by the index's first field
            for (Bson filter : filters) {
                assertThat(covered.countDocuments(filter)).as(filter.toString()).isEqualTo(plain.countDocuments(filter));
            }
            assertThat(covered.countDocuments(Filters.eq("brigade", "b1"))).isPositive();
        }
    }

    /** A collection of {@link #holdings()}, with {@code index} (if any) made before they go in. */
    private static MongoCollection<org.bson.Document> holdingsIn(ConnectedStore store, String name, Bson index) {
        MongoCollection<org.bson.Document> collection = store.database().getCollection(name);
        if (index != null) {
            collection.createIndex(index);
        }
        collection.insertMany(holdings());
        return collection;
    }

    /** Holdings of 40 brigades with missing, null, odd and mistyped values, in a fixed random order. */
    private static List<org.bson.Document> holdings() {
        Random random = new Random(7);
        List<org.bson.Document> items = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            org.bson.Document d = new org.bson.Document("_id", new org.bson.types.ObjectId())
                    .append("brigade", "b" + random.nextInt(40));
            if (random.nextInt(10) > 0) {
                d.append("code", random.nextInt(20) == 0 ? "c\u0001" + random.nextInt(3) : "c" + random.nextInt(6));
            }
            switch (random.nextInt(4)) {
                case 0 -> d.append("expires", null);
                case 1 -> { }
                default -> d.append("expires", "2019-" + (10 + random.nextInt(3)) + "-" + (10 + random.nextInt(18)));
            }
            d.append("quantity", switch (random.nextInt(10)) {
                case 0 -> "many";
                case 1 -> null;
                case 2 -> random.nextInt(50) + 0.5;
                default -> random.nextInt(100);
            });
            items.add(d);
        }
        return items;
    }

    @Test
    void theIndexGivesBackItsFieldsAndDeclinesWhereItsKeysCannotStandForTheDocuments() {
        MVStore store = MVStore.open(null);
        H2SecondaryIndex index = new H2SecondaryIndex(store.openMap("i"), "brigade_code_quantity",
                List.of(new IndexKey("brigade", true), new IndexKey("code", true), new IndexKey("quantity", true)), false);
        index.add(new Document("_id", "a").append("brigade", "b1").append("code", "x\u0000y").append("quantity", 3), "a", null);
        index.add(new Document("_id", "b").append("brigade", "b1").append("quantity", 5_000_000_000L), "b", null);
        index.add(new Document("_id", "c").append("brigade", "b2").append("code", "z").append("quantity", 2.5), "c", null);
        Document query = new Document("brigade", new Document("$in", List.of("b1", "b2")));

        assertThat(index.covered(query, Set.of("brigade", "code", "quantity")).toList())
                .containsExactlyInAnyOrder(
                        new Document("brigade", "b1").append("code", "x\u0000y").append("quantity", 3),
                        new Document("brigade", "b1").append("quantity", 5_000_000_000L),
                        new Document("brigade", "b2").append("code", "z").append("quantity", 2.5));
        assertThat(index.covered(query, Set.of("brigade", "quantity")).toList()).as("only the wanted fields")
                .containsExactlyInAnyOrder(new Document("brigade", "b1").append("quantity", 3),
                        new Document("brigade", "b1").append("quantity", 5_000_000_000L),
                        new Document("brigade", "b2").append("quantity", 2.5));
        assertThat(index.covered(query, Set.of("brigade", "expires"))).as("a field it does not hold").isNull();
        assertThat(index.covered(new Document("code", "z"), Set.of("code"))).as("not by its first field").isNull();

        index.add(new Document("_id", "d").append("brigade", "b3").append("code", new Date(0)).append("quantity", 1), "d", null);
        assertThatThrownBy(() -> index.covered(new Document("brigade", "b3"), Set.of("brigade", "code")).toList())
                .isInstanceOf(IndexKeyDecoding.Unreadable.class);
        assertThat(index.covered(new Document("brigade", "b3"), Set.of("brigade", "quantity")).toList())
                .as("an unreadable field that is not wanted").containsExactly(new Document("brigade", "b3").append("quantity", 1));

        index.add(new Document("_id", "e").append("brigade", "b4").append("code", List.of("p", "q")).append("quantity", 1), "e", null);
        assertThat(index.covered(query, Set.of("brigade", "code"))).as("once a document had an array").isNull();

        MVStore older = MVStore.open(null);
        older.openMap("o").put("\u0000built", "\u0000built");
        older.openMap("o").put("sb1\u0001\u0000sa", "a"); // an entry as an index from before the marks left it
        H2SecondaryIndex fromBeforeTheCount = new H2SecondaryIndex(older.openMap("o"), "brigade_1",
                List.of(new IndexKey("brigade", true)), false);
        assertThat(fromBeforeTheCount.isEmpty()).as("emptied, to be built again by the store").isTrue();
        assertThat(older.openMap("o").keySet()).containsExactly("\u0000entries-counted");
        fromBeforeTheCount.add(new Document("_id", "a").append("brigade", "b1"), "a", null);
        fromBeforeTheCount.markBuilt();
        assertThat(fromBeforeTheCount.covered(new Document("brigade", "b1"), Set.of("brigade")).toList())
                .as("built again, it answers from its keys").containsExactly(new Document("brigade", "b1"));
    }

    @Test
    void anIndexWhoseBuildWasCutShortIsBuiltAgainAtTheNextOpen() {
        MVStore store = MVStore.open(null);
        H2SecondaryIndex index = new H2SecondaryIndex(store.openMap("i"), "brigade_1",
                List.of(new IndexKey("brigade", true)), false);
        index.add(new Document("_id", "a").append("brigade", "b1"), "a", null);
        H2SecondaryIndex reopened = new H2SecondaryIndex(store.openMap("i"), "brigade_1",
                List.of(new IndexKey("brigade", true)), false);
        assertThat(reopened.isEmpty()).as("entries, but never marked built").isTrue();
        reopened.markBuilt();
        assertThat(new H2SecondaryIndex(store.openMap("i"), "brigade_1", List.of(new IndexKey("brigade", true)), false)
                .isEmpty()).isFalse();
        assertThat(reopened.getCount()).isEqualTo(1);
    }

    @Test
    void onlyComparisonsOfPlainFieldsWithScalarsAreDecidedFromKeys() {
        assertThat(CoveredFields.of(new Document("$and", List.of(new Document("a", new Document("$in", List.of("x"))),
                new Document("$or", List.of(new Document("b", null), new Document("b", new Document("$gte", "2019"))))))))
                .containsExactlyInAnyOrder("a", "b");
        assertThat(CoveredFields.of(new Document("b", new Document("$exists", true)))).isNull();
        assertThat(CoveredFields.of(new Document("b.c", 1))).isNull();
        assertThat(CoveredFields.of(new Document("b", new Document("c", 1)))).isNull();
        assertThat(CoveredFields.of(new Document("$expr", new Document("$eq", List.of("$a", 1))))).isNull();
    }

    private static List<org.bson.Document> sorted(List<org.bson.Document> groups) {
        groups.sort(Comparator.comparing(d -> d.get("_id").toString()));
        return groups;
    }
}
