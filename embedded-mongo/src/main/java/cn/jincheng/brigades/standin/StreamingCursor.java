package cn.jincheng.brigades.standin;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The rest of a query's result, read from the store as the client asks for it (getMore) instead of
 * collected whole before the first document goes out: a report over 40,000 brigades holds one
 * batch in memory, not the city. Reading follows the store's own snapshot, so writes meanwhile do
 * not disturb it.
 */
final class StreamingCursor extends AbstractCursor {

    /** What a getMore without a batch size gets (a real server sends up to 16 MB). */
    static final int DEFAULT_BATCH = 1000;

    private final Iterator<Document> remaining;
    private volatile long lastUsedNanos = System.nanoTime();

    StreamingCursor(long id, Iterator<Document> remaining) {
        super(id);
        this.remaining = remaining;
    }

    @Override
    public synchronized boolean isEmpty() {
        return !remaining.hasNext();
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        lastUsedNanos = System.nanoTime();
        int wanted = numberToReturn > 0 ? numberToReturn : DEFAULT_BATCH;
        List<Document> batch = new ArrayList<>(Math.min(wanted, DEFAULT_BATCH));
        while (batch.size() < wanted && remaining.hasNext()) {
            batch.add(remaining.next());
        }
        return batch;
    }

    /** What is left, for one reader that takes the cursor over. */
    Stream<Document> remaining() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(remaining, Spliterator.ORDERED), false);
    }

    long idleNanos() {
        return System.nanoTime() - lastUsedNanos;
    }
}
