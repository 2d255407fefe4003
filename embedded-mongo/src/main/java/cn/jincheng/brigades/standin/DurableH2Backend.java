package cn.jincheng.brigades.standin;

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
     * MVStore's page cache, in MB (its default is 16). The cache holds pages as decoded documents,
     * and a page stays until pushed out: long enough to be promoted to the old generation and then
     * dropped, so a report that reads every holding of the city churned the old generation. At
     * 40,000 brigades (BENCHMARKS.md) equipment-service did 50 full collections per report with
     * 16 MB, 6 with 4 MB and 2 with 1 MB, and the report took 52, 39 and 31 s. Reads by id pay a
     * little: fewer of a large collection's inner pages stay decoded.
     */
    static final int CACHE_MB = 1;

    /**
     * Made on first use: H2Backend's constructor opens the stored databases before this class's
     * constructor runs. (No initializer, which would run after that and reset it.)
     */
    private StreamingCursors streaming;

    DurableH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB).open());
    }

    private synchronized StreamingCursors streaming() {
        if (streaming == null) {
            streaming = new StreamingCursors(getCursorRegistry());
        }
        return streaming;
    }

    @Override
    public void close() {
        streaming().close();
        super.close();
    }

    /** Every database of the store has the secondary indexes mongo-java-server leaves out. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return IndexedH2Database.open(databaseName, getMvStore(), getCursorRegistry(), streaming());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("hello")) {
            return hello(channel, databaseName, query);
        }
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return response;
    }

    /**
     * {@code hello}, the handshake of current clients (mongosh, the drivers' monitors, Spring Boot's
     * health check): the legacy {@code isMaster} answer under its current name.
     */
    private Document hello(Channel channel, String databaseName, Document query) {
        Document response = super.handleCommand(channel, databaseName, "isMaster", query);
        response.put("isWritablePrimary", Boolean.TRUE);
        response.remove("ismaster");
        return response;
    }
}
