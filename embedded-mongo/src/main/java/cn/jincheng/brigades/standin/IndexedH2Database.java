package cn.jincheng.brigades.standin;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.StandInBridge;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's H2 database with the secondary (non-unique) indexes it lacks: the indexes
 * the services create for MongoDB ({@code brigadeId}, {@code countyId}, ...) now exist in the
 * embedded store too, as {@link H2SecondaryIndex} maps beside the collection's own. Its documents
 * are kept as BSON ({@link BsonDocumentType}) rather than Java-serialized.
 */
final class IndexedH2Database extends H2Database {

    private static final String SECONDARY = "._secondary_";
    /** Unique indexes with {@link KeyValueType} keys; the stock backend's maps were {@value #STOCK_UNIQUE}. */
    private static final String UNIQUE = "._unique_";
    private static final String STOCK_UNIQUE = "._index_";
    /** The names H2Database gives a collection's maps (package-private there). */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    /**
     * H2Database opens the stored indexes inside its constructor, before a subclass's fields are
     * set: the store being opened is handed over through this for the constructor's duration.
     */
    private static final ThreadLocal<Opening> OPENING = new ThreadLocal<>();

    private MVStore store;
    private StreamingCursors streaming;

    private IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors, StreamingCursors streaming) {
        OPENING.set(new Opening(store, streaming));
        try {
            IndexedH2Database database = new IndexedH2Database(name, store, cursors);
            database.streaming = streaming;
            return database;
        } finally {
            OPENING.remove();
        }
    }

    /** What a database being opened needs before its constructor returns. */
    private record Opening(MVStore store, StreamingCursors streaming) {
    }

    private MVStore store() {
        return store != null ? store : OPENING.get().store();
    }

    private StreamingCursors streaming() {
        return streaming != null ? streaming : OPENING.get().streaming();
    }

    /**
     * The same maps H2Database opens, but with documents as BSON. Later look-ups of a map by name
     * (drop, rename) get this instance: MVStore hands out one instance per open map.
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store().openMap(DATA_PREFIX + namespace,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> meta = store().openMap(META_PREFIX + namespace);
        return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry, streaming());
    }

    /**
     * A unique index on a map of its own. A store written before has the index in the stock
     * backend's map, sorted in an order this one does not share: that map is removed, and the new
     * one, being empty, is built from the documents when the collection adds it.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String namespace = getFullCollectionNamespace(collectionName);
        if (store().hasMap(namespace + STOCK_UNIQUE + indexName)) {
            store().removeMap(namespace + STOCK_UNIQUE + indexName);
        }
        MVMap<KeyValue, Object> entries = store().openMap(namespace + UNIQUE + indexName,
                new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        return new H2UniqueKeys(entries, indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVMap<String, Object> entries = store().openMap(getFullCollectionNamespace(collectionName) + SECONDARY + indexName);
        return new H2SecondaryIndex(entries, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String namespace = getFullCollectionNamespace(collection.getCollectionName());
        for (String name : List.of(namespace + SECONDARY + indexName, namespace + UNIQUE + indexName)) {
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
        }
    }

    /**
     * An aggregation that starts with {@code $match} (every {@code countDocuments} does) reads the
     * matching documents through the collection's indexes, as a find would, instead of the store
     * running the whole collection through the pipeline: at 40,000 brigades, counting one county's
     * read every brigade. The matching documents flow through the later stages as a stream, so a
     * count holds one document at a time, not the collection; counting a whole collection reads
     * none at all, and a count an index covers reads only the index ({@link #countFromKeys}).
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
            Oplog oplog) {
        if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName) {
            Document answer = aggregateFromIndex(collectionName, query, databaseResolver, oplog);
            if (answer != null) {
                return answer;
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    private Document aggregateFromIndex(String collectionName, Document query, DatabaseResolver databaseResolver,
            Oplog oplog) {
        MongoCollection<Object> collection = resolveCollection(collectionName, false);
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        if (collection == null || pipeline.isEmpty() || !(pipeline.get(0).get("$match") instanceof Document match)
                || pipeline.stream().anyMatch(s -> s.containsKey("$out") || s.containsKey("$merge")
                        || s.containsKey("$changeStream"))) {
            return null;
        }
        String namespace = getFullCollectionNamespace(collectionName);
        List<Document> later = pipeline.subList(1, pipeline.size());
        CountStage count = CountStage.of(later);
        if (count != null && match.isEmpty()) {
            return StandInBridge.firstBatch(namespace, count.answer(collection.count()));
        }
        Long countedFromKeys = count == null ? null : countFromKeys(collection, match);
        if (countedFromKeys != null) {
            return StandInBridge.firstBatch(namespace, count.answer(Math.toIntExact(countedFromKeys)));
        }
        LatestPerKeyStage latest = LatestPerKeyStage.of(match, later);
        if (latest != null && collection instanceof IndexedH2Collection indexed) {
            List<Document> groups = indexed.latestPerKey(match, latest);
            if (groups != null) {
                return StandInBridge.firstBatch(namespace, groups);
            }
        }
        SumGroupStage sums = later.isEmpty() ? null : SumGroupStage.of(later.get(0));
        if (sums != null) {
            later = later.subList(1, later.size());
        }
        Aggregation rest = Aggregation.fromPipeline(later, databaseResolver, this, collection, oplog);
        rest.validate(query);
        Document covered = sums == null ? null : fromCoveringIndex(collection, match, sums, rest, namespace);
        if (covered != null) {
            return covered;
        }
        // A batch of one opens a streaming cursor over the rest, which this reads itself.
        QueryResult first = collection.handleQuery(StandInBridge.query(new Document("$query", match), 1));
        Stream<Document> matched = Stream.concat(StreamSupport.stream(first.spliterator(), false),
                streaming().detach(first.getCursorId()));
        try (matched) {
            return StandInBridge.firstBatch(namespace, rest.runStages(sums == null ? matched : sums.apply(matched)));
        }
    }

    /**
     * A count of the documents a {@code $match} selects, from the keys of a secondary index that
     * holds every field the match reads, as MongoDB counts from an index (COUNT_SCAN) without
     * fetching a document: at 40,000 brigades, the county overview's count of each county's
     * brigades read every one of them. Null when no index covers the match.
     */
    private static Long countFromKeys(MongoCollection<Object> collection, Document match) {
        return fromKeys(collection, match, Set.of(), Stream::count);
    }

    /**
     * A summing aggregation answered from a secondary index's keys when the index holds every field
     * the {@code $match} and the {@code $group} read, as MongoDB answers a covered pipeline: the
     * report's sums of 4 million holdings then decode index keys instead of documents. Null when no
     * index covers it.
     */
    private static Document fromCoveringIndex(MongoCollection<Object> collection, Document match, SumGroupStage sums,
            Aggregation rest, String namespace) {
        return fromKeys(collection, match, sums.fields(),
                matched -> StandInBridge.firstBatch(namespace, rest.runStages(sums.apply(matched))));
    }

    /**
     * {@code answer} over the documents {@code match} selects, decoded from the keys of a secondary
     * index that holds every field the match and {@code alsoRead} read; null when no index covers
     * them or a key cannot be read back (the documents answer then).
     */
    private static <T> T fromKeys(MongoCollection<Object> collection, Document match, Set<String> alsoRead,
            Function<Stream<Document>, T> answer) {
        Set<String> fields = CoveredFields.of(match);
        if (fields == null || !(collection instanceof IndexedH2Collection indexed)) {
            return null;
        }
        fields.addAll(alsoRead);
        Stream<Document> matched = indexed.coveredMatches(match, fields);
        if (matched == null) {
            return null;
        }
        try (matched) {
            return answer.apply(matched);
        } catch (IndexKeyDecoding.Unreadable documentsMustAnswer) {
            return null;
        }
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String namespace = getFullCollectionNamespace(collectionName);
        store.getMapNames().stream().filter(n -> n.startsWith(namespace + SECONDARY) || n.startsWith(namespace + UNIQUE))
                .toList().forEach(store::removeMap);
    }
}
