package cn.jincheng.brigades.standin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.StandInBridge;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 collection, with a faster check of {@code field: {$in: [strings]}}, and
 * secondary indexes that remember having been built.
 * <p>
 * The store checks every document an index found against the whole query, and it checks
 * {@code $in} by comparing the document's value with each listed value in turn. A batch read of
 * 50 brigades' 5,000 holdings compared 250,000 times; in the report that was 40 % of
 * equipment-service's time. Here the listed strings become a hash set once per query, and a
 * document whose value is a plain string is checked with one look-up. Anything else (an array
 * value, a missing field, numbers, dotted paths) goes to the store's own matcher, unchanged.
 */
final class IndexedH2Collection extends H2Collection {

    /**
     * The query each thread matched last, prepared. A query is matched document after document on
     * the thread that answers it, so one per thread suffices; one for the collection did not: with
     * two connections reading the same collection at once (a service's pool does, in a report),
     * each document's match found the other's query there and prepared its own again.
     */
    private record Prepared(Document query, String field, Set<String> values, Document rest) {
    }

    private final ThreadLocal<Prepared> last = new ThreadLocal<>();
    private final MVMap<Object, Document> data;
    private final StreamingCursors streaming;

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors, StreamingCursors streaming) {
        super(database, collectionName, options, data, meta, cursors);
        this.data = data;
        this.streaming = streaming;
    }

    /**
     * A top-level {@code $and} of one-field clauses is planned as the flat query it means
     * ({@link QueryClauses#flattened}); a query that names a unique key and more reads by the key
     * ({@link #uniqueKeyQuery}).
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Document flat = QueryClauses.flattened(query);
        for (Index<Object> index : getIndexes()) {
            Document byKey = uniqueKeyQuery(index, flat);
            if (byKey != null) {
                return matchDocuments(flat, index.getPositions(byKey), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        return super.queryDocuments(flat, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The part of {@code query} a unique index can answer when the query names each of the index's
     * fields with a plain value and other fields besides ({@code {_id: x, version: 3}}, an update
     * on a condition); null otherwise. The store's unique indexes answer only a query on exactly
     * their fields and read the whole collection for any other: every update on a condition read
     * every document. MongoDB reads the one document by the key and checks the rest of the query
     * on it (IXSCAN, FETCH with a filter); so does this, as the documents an index finds are
     * always checked against the whole query.
     */
    static Document uniqueKeyQuery(Index<?> index, Document query) {
        if (!index.isUnique() || query.size() <= index.getKeys().size()) {
            return null;
        }
        Document byKey = new Document();
        for (IndexKey key : index.getKeys()) {
            Object value = query.get(key.getKey());
            if (!isPlainValue(value)) {
                return null;
            }
            byKey.put(key.getKey(), value);
        }
        return index.canHandle(byKey) ? byKey : null;
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof de.bwaldvogel.mongo.bson.ObjectId || value instanceof java.util.UUID
                || value instanceof java.util.Date || value instanceof java.time.Instant;
    }

    /**
     * A query the store would collect whole before answering, answered as a stream instead when
     * its order allows: unsorted, or sorted by {@code _id} (the ids alone are sorted, the documents
     * read as the client asks for them). Any other order is sorted in memory, as before.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
            Document fieldSelector) {
        Integer idOrder = idOrder(orderBy);
        if (idOrder == null) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return inIdOrder(query, new ArrayList<>(data.keySet()), idOrder, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
            int limit, int batchSize, Document fieldSelector) {
        Integer idOrder = idOrder(orderBy);
        if (idOrder == null) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        List<Object> keys = new ArrayList<>();
        positions.forEach(keys::add);
        return inIdOrder(query, keys, idOrder, numberToSkip, limit, batchSize, fieldSelector);
    }

    private QueryResult inIdOrder(Document query, List<Object> keys, int order, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        keys.sort(order > 0 ? ValueComparator.asc() : ValueComparator.desc());
        Stream<Document> documents = keys.stream().map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null, fieldSelector);
    }

    /** 1 or -1 for no order or an order by _id alone; null for any other order. */
    private Integer idOrder(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return 1;
        }
        if (orderBy.size() == 1 && orderBy.get(getIdField()) instanceof Number n) {
            return n.intValue() < 0 ? -1 : 1;
        }
        return null;
    }

    /** Unsorted results asked for in batches go out as a stream: the first batch now, the rest as the client asks. */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
            int limit, int batchSize, Comparator<Document> documentComparator, Document fieldSelector) {
        if (documentComparator != null) {
            return super.matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize,
                    documentComparator, fieldSelector);
        }
        Stream<Document> matching = documentStream.filter(d -> documentMatchesQuery(d, query)).skip(Math.max(0, numberToSkip));
        if (limit != 0) {
            matching = matching.limit(Math.abs(limit));
        }
        if (fieldSelector != null && !fieldSelector.isEmpty()) {
            matching = matching.map(StandInBridge.projection(fieldSelector, getIdField()));
        }
        Iterator<Document> remaining = matching.iterator();
        List<Document> batch = new ArrayList<>();
        // No batch size: the store's own callers (updates, deletes, counts, aggregations) and a
        // client that asked for no batches get everything at once, as before.
        while ((batchSize <= 0 || batch.size() < batchSize) && remaining.hasNext()) {
            batch.add(remaining.next());
        }
        if (!remaining.hasNext() || limit < 0) {
            return new QueryResult(batch);
        }
        return new QueryResult(batch, streaming.open(remaining));
    }

    /** The store builds an index it calls empty from every document; once built, it is not empty any more. */
    @Override
    public void addIndex(Index<Object> index) {
        super.addIndex(index);
        if (index instanceof H2SecondaryIndex secondary) {
            secondary.markBuilt();
        }
    }

    /**
     * {@code distinct} over a whole collection on a field a secondary index leads with, answered
     * from the index's keys ({@link H2SecondaryIndex#distinctFirstValues}) as MongoDB does, instead
     * of the store's way, which collects every document of the collection first: the audit walk's
     * distinct brigades over a city's whole trail ran the stand-in out of heap. With a filter, or
     * on a field no index leads with, the store answers as before.
     */
    @Override
    public synchronized Document handleDistinct(Document query) {
        Object field = query.get("key");
        Object filter = query.get("query");
        if (field instanceof String key && (filter == null || filter instanceof Document d && d.isEmpty())) {
            for (Index<Object> index : getIndexes()) {
                if (index instanceof H2SecondaryIndex secondary && secondary.leadsWith(key)) {
                    List<Object> values = secondary.distinctFirstValues();
                    if (values != null) {
                        values.sort(ValueComparator.ascWithoutListHandling());
                        Document response = new Document("values", values);
                        Utils.markOkay(response);
                        return response;
                    }
                }
            }
        }
        return super.handleDistinct(query);
    }

    /**
     * The query's matches as the fields of a secondary index that covers the query and
     * {@code fields} ({@link H2SecondaryIndex#covered}), without reading a document; null when no
     * index covers them.
     */
    Stream<Document> coveredMatches(Document query, Set<String> fields) {
        for (Index<Object> index : getIndexes()) {
            if (index instanceof H2SecondaryIndex secondary) {
                Stream<Document> found = secondary.covered(query, fields);
                if (found != null) {
                    return found.filter(d -> documentMatchesQuery(d, query));
                }
            }
        }
        return null;
    }

    /**
     * The groups of a latest-per-key aggregation ({@link LatestPerKeyStage}) from an index on
     * (key, order): one entry per key. Where the index holds every field the groups take, they are
     * read from the entry's key, as MongoDB answers a covered {@code DISTINCT_SCAN}; otherwise (or
     * for a value the keys do not give back) one document is read per key. Null when no index can
     * answer.
     */
    List<Document> latestPerKey(Document match, LatestPerKeyStage stage) {
        for (Index<Object> index : getIndexes()) {
            if (index instanceof H2SecondaryIndex secondary) {
                java.util.Map<Object, String> latestKeys = secondary.latestKeys(match, stage.key(), stage.order());
                if (latestKeys != null) {
                    java.util.Set<String> fields = stage.fields();
                    boolean covered = secondary.holds(fields);
                    List<Document> groups = new ArrayList<>();
                    for (String key : latestKeys.values()) {
                        Document latest = covered ? fromKey(secondary, key, fields) : null;
                        if (latest == null) {
                            latest = getDocument(secondary.positionOf(key));
                        }
                        if (latest != null) {
                            groups.add(stage.group(latest));
                        }
                    }
                    return groups;
                }
            }
        }
        return null;
    }

    private static Document fromKey(H2SecondaryIndex index, String key, java.util.Set<String> fields) {
        try {
            return index.fieldsOf(key, fields);
        } catch (IndexKeyDecoding.Unreadable e) {
            return null;
        }
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        Prepared prepared = last.get();
        if (prepared == null || prepared.query() != query) {
            prepared = prepare(query);
            last.set(prepared);
        }
        if (prepared.field() != null && document.get(prepared.field()) instanceof String value) {
            return prepared.values().contains(value)
                    && (prepared.rest().isEmpty() || super.documentMatchesQuery(document, prepared.rest()));
        }
        return super.documentMatchesQuery(document, query);
    }

    private static Prepared prepare(Document query) {
        for (String field : QueryClauses.fields(query)) {
            if (field.startsWith("$") || field.contains(".")) {
                continue;
            }
            Set<String> values = stringsIn(QueryClauses.conditionOn(query, field));
            if (values != null) {
                return new Prepared(query, field, values, QueryClauses.without(query, field));
            }
        }
        return new Prepared(query, null, null, null);
    }

    /** The strings of a {@code {$in: [...]}} that lists nothing but strings; null for any other condition. */
    private static Set<String> stringsIn(Object condition) {
        if (condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?> listed
                && listed.stream().allMatch(String.class::isInstance)) {
            Set<String> values = new HashSet<>();
            listed.forEach(v -> values.add((String) v));
            return values;
        }
        return null;
    }
}
