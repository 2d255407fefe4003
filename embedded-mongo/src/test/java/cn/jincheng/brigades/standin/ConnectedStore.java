package cn.jincheng.brigades.standin;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The tests' one way to reach a stand-in: a server on a free port over a store in a directory,
 * with the official driver connected to it. Closing closes the client, then the server.
 */
final class ConnectedStore implements AutoCloseable {

    private final StandInServer server;
    private final MongoClient client;

    private ConnectedStore(StandInServer server) {
        this.server = server;
        // UUIDs as current drivers and MongoDB write them (binary subtype 4)
        this.client = MongoClients.create(server.connectionString() + "/?uuidRepresentation=standard");
    }

    /** A store in a fresh directory of its own. */
    static ConnectedStore fresh(String name) {
        return in(TestDirs.fresh(name));
    }

    /** The store in {@code dir}, as an earlier one left it there. */
    static ConnectedStore in(Path dir) {
        return new ConnectedStore(TestDirs.store(dir));
    }

    MongoClient client() {
        return client;
    }

    MongoDatabase database() {
        return client.getDatabase("test");
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
