package cn.jincheng.brigades.common.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;

/**
 * The records of many brigades, read by their {@code brigadeId} index and grouped by brigade: the
 * batch read under the report and the compliance of a county. The ids go in groups of
 * {@value #GROUP} per query, because the embedded store collects a query's whole result before it
 * sends the first document: one query for 500 brigades' items would hold 50,000 of them at once.
 */
public final class ByBrigade {

    static final int GROUP = 50;

    private ByBrigade() {
    }

    public static <T> Map<String, List<T>> read(MongoCollection<Document> collection, Collection<String> brigadeIds,
            Bson alsoMatching, Function<Document, T> mapper) {
        Map<String, List<T>> result = new HashMap<>();
        List<String> ids = new ArrayList<>(brigadeIds);
        for (int from = 0; from < ids.size(); from += GROUP) {
            Bson filter = in("brigadeId", ids.subList(from, Math.min(ids.size(), from + GROUP)));
            collection.find(alsoMatching == null ? filter : and(filter, alsoMatching)).forEach(
                    d -> result.computeIfAbsent(d.getString("brigadeId"), k -> new ArrayList<>()).add(mapper.apply(d)));
        }
        return result;
    }
}
