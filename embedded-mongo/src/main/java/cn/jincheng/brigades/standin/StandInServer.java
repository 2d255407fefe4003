package cn.jincheng.brigades.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The development stand-in for MongoDB: one server process that speaks the MongoDB wire protocol
 * on a port, with every database in one H2 file under the data directory, durable per write. The
 * services reach it through {@code MONGODB_URI} and the official driver, exactly as they reach the
 * replica set in production; nothing of it is on a service's runtime class path.
 *
 * <p>Run it with {@code java -jar embedded-mongo.jar}; settings from the environment:
 * {@code DATA_DIR} ({@code ./data}: the store is {@code DATA_DIR/mongo/store.mv.db}),
 * {@code MONGO_HOST} ({@code 127.0.0.1}) and {@code MONGO_PORT} ({@code 27017}).
 */
public final class StandInServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private StandInServer(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** The store of a data directory ({@code <dataDir>/mongo/store.mv.db}), with stores from before moved in. */
    public static StandInServer start(Path dataDir, String host, int port) {
        Path file = dataDir.resolve("mongo").resolve("store.mv.db");
        StandInServer server = open(file, host, port);
        LegacyStores.moveInto(dataDir, server.connectionString());
        return server;
    }

    /** Opens (or creates) one store file and listens on {@code host:port} (port 0: any free one). */
    public static StandInServer open(Path file, String host, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        Path absolute = file.toAbsolutePath();
        DurableH2Backend backend = new DurableH2Backend(absolute.toString());
        backend.version(AnnouncedVersion.INSTANCE);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        return new StandInServer(server, server.getLocalAddress(), absolute);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        // shutdown() closes the backend, which commits and closes the MVStore file cleanly
        server.shutdown();
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "standin-logback.xml");
        }
        Path dataDir = Path.of(env("DATA_DIR", "./data")).toAbsolutePath().normalize();
        StandInServer server = start(dataDir, env("MONGO_HOST", "127.0.0.1"), Integer.parseInt(env("MONGO_PORT", "27017")));
        publishAddress(dataDir, server.connectionString());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "stand-in-shutdown"));
        Logger log = LoggerFactory.getLogger(StandInServer.class);
        log.info("MongoDB stand-in (announcing MongoDB {}) listening at {}, store {}",
                AnnouncedVersion.INSTANCE.toVersionString(), server.connectionString(), server.file());
        stopped.await();
    }

    /** Where it listens, in DATA_DIR/run/mongo.uri, for tools and scripts. */
    private static void publishAddress(Path dataDir, String connectionString) {
        try {
            Path run = Files.createDirectories(dataDir.resolve("run"));
            Files.writeString(run.resolve("mongo.uri"), connectionString + "\n");
        } catch (IOException e) {
            LoggerFactory.getLogger(StandInServer.class).warn("could not write the stand-in's address to {}/run: {}", dataDir, e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
