package cn.jincheng.brigades.standin;

import java.nio.file.Path;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** A store file as mongo-java-server's stock H2 backend writes it: what a data directory from before holds. */
final class StockStore {

    private StockStore() {
    }

    /** Writes through the real driver to a stock backend on the file, then shuts it down. */
    static void write(Path file, String connectionOptions, Consumer<MongoClient> writes) {
        MongoServer stock = new MongoServer(new H2Backend(file.toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stock.bind().getPort() + connectionOptions)) {
            writes.accept(client);
        } finally {
            stock.shutdown();
        }
    }
}
