package cn.jincheng.brigades.common.mongo;

import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend of mongo-java-server, made durable per write.
 *
 * <p>Out of the box the backend acknowledges a write before its MVStore commits (the store
 * auto-commits about once a second), so a {@code kill -9} right after an acknowledged write loses
 * it. Committing before the acknowledgement leaves the page in the operating system's file cache,
 * which a process crash cannot take away. Reads pay nothing: they are not followed by a commit.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "create", "createindexes",
            "dropindexes", "drop", "dropdatabase", "renamecollection");

    /**
     * MVStore's page cache, in MB (its default is 16). A page read into the cache lives until it is
     * pushed out; with 16 MB, a report reading every holding of the city kept each page long enough
     * to be promoted to the old generation, only to be evicted soon after: several full collections
     * per report. A small cache still holds the B-tree's inner pages, and leaf pages die young.
     */
    static final int CACHE_MB = 4;

    DurableH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB).open());
    }

    /** Every database of the store has the secondary indexes mongo-java-server leaves out. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return response;
    }
}
