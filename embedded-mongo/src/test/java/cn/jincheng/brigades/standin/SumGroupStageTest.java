package cn.jincheng.brigades.standin;

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
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/**
 * Summing groups after a {@code $match} (answered by {@link SumGroupStage}) give what the store's
 * own {@code $group} gives for the same documents, missing fields, mixed number types and
 * non-numbers included, and later stages still run on them.
 */
class SumGroupStageTest {

    @AutoClose
    private final ConnectedStore store = ConnectedStore.fresh("sum-group");
    private final MongoCollection<Document> items = store.database().getCollection("items");

    @BeforeEach
    void fill() {
        items.createIndex(Indexes.ascending("brigade"));
        Random random = new Random(11);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Document d = new Document("_id", "i" + i).append("brigade", "b" + random.nextInt(30));
            if (random.nextInt(10) > 0) {
                d.append("code", "c" + random.nextInt(5));
            }
            d.append("quantity", switch (random.nextInt(8)) {
                case 0 -> (long) random.nextInt(100);
                case 1 -> random.nextInt(100) + 0.5;
                case 2 -> "many";
                case 3 -> null;
                default -> random.nextInt(100);
            });
            batch.add(d);
        }
        for (int i = 0; i < 3; i++) {
            batch.add(new Document("_id", "int" + i).append("brigade", "b1").append("code", "only-ints").append("quantity", 7));
        }
        items.insertMany(batch);
    }

    @Test
    void summingByTwoFieldsGivesWhatTheStoresOwnStageGives() {
        var group = Aggregates.group(new Document("brigade", "$brigade").append("code", "$code"),
                Accumulators.sum("quantity", "$quantity"), Accumulators.sum("holdings", 1));
        List<Document> fast = sorted(items.aggregate(List.of(Aggregates.match(Filters.in("brigade", "b1", "b2", "b3")), group))
                .into(new ArrayList<>()));
        List<Document> own = sorted(items.aggregate(List.of(group, Aggregates.match(
                Filters.in("_id.brigade", "b1", "b2", "b3")))).into(new ArrayList<>()));

        assertThat(fast).isNotEmpty().isEqualTo(own);
        assertThat(fast).anyMatch(d -> !((Document) d.get("_id")).containsKey("code"));
        assertThat(fast).anyMatch(d -> d.get("quantity") instanceof Double);
        assertThat(fast).filteredOn(d -> "only-ints".equals(((Document) d.get("_id")).get("code"))).singleElement()
                .satisfies(d -> assertThat(d.get("quantity")).isEqualTo(21));
    }

    @Test
    void aSingleKeyAndTheStagesAfterItRunAsBefore() {
        var stages = List.of(Aggregates.match(Filters.eq("brigade", "b7")),
                Aggregates.group("$code", Accumulators.sum("n", 1)),
                Aggregates.group(null, Accumulators.push("codes", "$_id"), Accumulators.sum("n", "$n")));
        Document fast = items.aggregate(stages).first();
        List<org.bson.conversions.Bson> storesOwn = new ArrayList<>(stages);
        storesOwn.add(0, Aggregates.sort(com.mongodb.client.model.Sorts.ascending("_id")));
        Document own = items.aggregate(storesOwn).first();

        assertThat(((Number) fast.get("n")).longValue()).isEqualTo(items.countDocuments(Filters.eq("brigade", "b7")))
                .isEqualTo(((Number) own.get("n")).longValue());
        assertThat(fast.getList("codes", Object.class)).hasSizeGreaterThan(1)
                .containsExactlyInAnyOrderElementsOf(own.getList("codes", Object.class));
    }

    private static List<Document> sorted(List<Document> groups) {
        groups.sort(Comparator.comparing(d -> ((Document) d.get("_id")).toJson()));
        return groups;
    }
}
