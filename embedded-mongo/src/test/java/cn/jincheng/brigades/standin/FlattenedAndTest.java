package cn.jincheng.brigades.standin;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.bson.Document;

/** A driver's {@code and(eq("_id", x), ...)} is planned as the flat query it means, and answers alike. */
class FlattenedAndTest {

    @Test
    void oneFieldClausesOnDistinctFieldsBecomeOneDocumentAndAnythingElseStaysAsItIs() {
        Document and = new Document("$and", List.of(new Document("_id", "b1"),
                new Document("payer", new Document("$exists", false))));
        assertThat(QueryClauses.flattened(and))
                .isEqualTo(new Document("_id", "b1").append("payer", new Document("$exists", false)));

        Document sameFieldTwice = new Document("$and", List.of(new Document("n", new Document("$gt", 1)),
                new Document("n", new Document("$lt", 5))));
        Document twoFieldsInAClause = new Document("$and", List.of(new Document("a", 1).append("b", 2)));
        Document operatorClause = new Document("$and", List.of(new Document("$or", List.of(new Document("a", 1)))));
        Document besideOthers = new Document("$and", List.of(new Document("a", 1))).append("b", 2);
        for (Document unchanged : List.of(sameFieldTwice, twoFieldsInAClause, operatorClause, besideOthers)) {
            assertThat(QueryClauses.flattened(unchanged)).isSameAs(unchanged);
        }
    }

    @Test
    void anUpdateByIdAndAConditionChangesTheOneDocumentOnceThroughTheDriver() {
        try (ConnectedStore store = ConnectedStore.fresh("flattened-and")) {
            MongoCollection<org.bson.Document> brigades = store.database().getCollection("brigades");
            List<org.bson.Document> docs = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                docs.add(new org.bson.Document("_id", "b" + i).append("n", i));
            }
            docs.get(7).append("payer", "county");
            brigades.insertMany(docs);

            var unpaid = and(eq("_id", "b3"), exists("payer", false));
            assertThat(brigades.updateOne(unpaid, Updates.set("payer", "town")).getModifiedCount()).isEqualTo(1);
            assertThat(brigades.updateOne(unpaid, Updates.set("payer", "city")).getModifiedCount()).isZero();
            assertThat(brigades.updateOne(and(eq("_id", "b7"), exists("payer", false)), Updates.set("payer", "town"))
                    .getModifiedCount()).isZero();
            assertThat(brigades.find(and(eq("_id", "b3"), eq("n", 3))).first().getString("payer")).isEqualTo("town");
            assertThat(brigades.find(and(eq("_id", "b3"), eq("n", 4))).first()).isNull();
            assertThat(brigades.countDocuments(exists("payer"))).isEqualTo(2);
        }
    }
}
