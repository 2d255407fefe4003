package cn.jincheng.brigades.common.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * An in-process store that speaks the MongoDB wire protocol on a loopback port, kept in one H2
 * file under the data directory. The service talks to it through the real MongoDB driver, exactly
 * as it talks to a real replica set; only the connection string differs.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** Opens (or creates) {@code <dataDir>/<name>.mv.db} and listens on an ephemeral loopback port. */
    public static EmbeddedMongoServer start(Path dataDir, String name) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(name + ".mv.db").toAbsolutePath();
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        return new EmbeddedMongoServer(server, address, file);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        // shutdown() closes the backend, which commits and closes the MVStore file cleanly.
        server.shutdown();
    }
}
