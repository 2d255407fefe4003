package cn.jincheng.brigades.standin;

import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The streaming cursors of one server: opened into its cursor registry, and closed by the server
 * after ten idle minutes, as MongoDB does, so that a client that went away leaves nothing open.
 */
final class StreamingCursors implements AutoCloseable {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    private final CursorRegistry registry;
    private final Set<StreamingCursor> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stand-in-cursor-reaper");
        t.setDaemon(true);
        return t;
    });

    StreamingCursors(CursorRegistry registry) {
        this.registry = registry;
        reaper.scheduleWithFixedDelay(this::closeIdle, 1, 1, TimeUnit.MINUTES);
    }

    StreamingCursor open(Iterator<Document> remaining) {
        StreamingCursor cursor = new StreamingCursor(registry.generateCursorId(), remaining);
        registry.add(cursor);
        open.add(cursor);
        return cursor;
    }

    /**
     * The rest of an open cursor's documents, for the server's own use (an aggregation reading a
     * find's result); the cursor is closed to clients. No such cursor: nothing remains.
     */
    Stream<Document> detach(long cursorId) {
        for (StreamingCursor cursor : open) {
            if (cursor.getId() == cursorId) {
                open.remove(cursor);
                registry.remove(cursor);
                return cursor.remaining();
            }
        }
        return Stream.empty();
    }

    private void closeIdle() {
        open.removeIf(cursor -> {
            boolean gone = cursor.isEmpty() || cursor.idleNanos() > IDLE_TIMEOUT.toNanos();
            if (gone) {
                registry.remove(cursor);
            }
            return gone;
        });
    }

    @Override
    public void close() {
        reaper.shutdownNow();
    }
}
