package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;

/**
 * The records of many brigades (vehicles, holdings, firefighters, ...) grouped by brigade: one
 * query on the {@code brigadeId} index, its cursor streamed in batches.
 */
public final class RecordsByBrigade {

    public static final int BATCH = 1000;

    private RecordsByBrigade() {
    }

    public static <T> Map<String, List<T>> read(MongoCollection<Document> collection, Collection<String> brigadeIds,
            Bson alsoMatching, Function<Document, T> mapper) {
        Map<String, List<T>> result = new HashMap<>();
        Bson filter = in("brigadeId", brigadeIds);
        collection.find(alsoMatching == null ? filter : and(filter, alsoMatching)).batchSize(BATCH).forEach(
                d -> result.computeIfAbsent(d.getString("brigadeId"), k -> new java.util.ArrayList<>()).add(mapper.apply(d)));
        return result;
    }
}
