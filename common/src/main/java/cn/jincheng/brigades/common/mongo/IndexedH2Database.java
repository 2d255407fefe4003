package cn.jincheng.brigades.common.mongo;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * mongo-java-server's H2 database with the secondary (non-unique) indexes it lacks: the indexes
 * the services create for MongoDB ({@code brigadeId}, {@code countyId}, ...) now exist in the
 * embedded store too, as {@link H2SecondaryIndex} maps beside the collection's own.
 */
final class IndexedH2Database extends H2Database {

    private static final String SECONDARY = "._secondary_";

    /**
     * H2Database opens the stored indexes inside its constructor, before a subclass's fields are
     * set: the store being opened is handed over through this for the constructor's duration.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private MVStore store;

    private IndexedH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static IndexedH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new IndexedH2Database(name, store, cursors);
        } finally {
            OPENING.remove();
        }
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
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
        String name = getFullCollectionNamespace(collection.getCollectionName()) + SECONDARY + indexName;
        if (store.hasMap(name)) {
            store.removeMap(name);
        }
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String prefix = getFullCollectionNamespace(collectionName) + SECONDARY;
        store.getMapNames().stream().filter(n -> n.startsWith(prefix)).toList().forEach(store::removeMap);
    }
}
