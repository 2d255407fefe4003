package cn.jincheng.brigades.common.mongo;

import java.util.Locale;
import java.util.Set;

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

    DurableH2Backend(String fileName) {
        super(fileName);
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
