package de.bwaldvogel.mongo.backend;

import java.util.List;
import java.util.function.UnaryOperator;

import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server keeps its projection and its cursor replies package-private; the stand-in's
 * streaming cursors and index-backed aggregations answer exactly as its own queries do through
 * this one public door in its package.
 */
public final class StandInBridge {

    private StandInBridge() {
    }

    public static UnaryOperator<Document> projection(Document fields, String idField) {
        Projection projection = new Projection(fields, idField);
        return projection::projectDocument;
    }

    /** A query answered in batches of {@code batchSize}, as a find with that batch size is. */
    public static QueryParameters query(Document selector, int batchSize) {
        return new QueryParameters(selector, 0, 0, batchSize, null);
    }

    public static Document firstBatch(String namespace, List<Document> documents) {
        return Utils.firstBatchCursorResponse(namespace, documents);
    }
}
