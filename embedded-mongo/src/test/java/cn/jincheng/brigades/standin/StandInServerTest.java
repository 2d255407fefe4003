package cn.jincheng.brigades.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** The stand-in as clients meet it: a current server version, the hello handshake, old stores moved in. */
class StandInServerTest {

    @Test
    void itAnnouncesMongoDb5WithTheWireVersionCurrentClientsRequireAndAnswersHello() {
        try (ConnectedStore store = ConnectedStore.fresh("version")) {
            MongoDatabase admin = store.client().getDatabase("admin");
            Document hello = admin.runCommand(new Document("hello", 1));
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.getInteger("maxWireVersion")).isEqualTo(13);
            Document build = admin.runCommand(new Document("buildInfo", 1));
            assertThat(build.getString("version")).isEqualTo("5.0.0");
        }
    }

    @Test
    void theStoresOfEachServiceFromBeforeAreMovedInOnceWithTheirIndexes() throws Exception {
        Path dataDir = TestDirs.fresh("legacy");
        try (StandInServer old = StandInServer.open(dataDir.resolve("equipment.mv.db"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(old.connectionString())) {
            var vehicles = client.getDatabase("equipment").getCollection("vehicles");
            vehicles.createIndex(Indexes.ascending("plate"), new IndexOptions().unique(true));
            for (int i = 0; i < 2500; i++) {
                vehicles.insertOne(new Document("_id", "v" + i).append("plate", "晋E" + i).append("brigadeId", "zezhou-gaodu"));
            }
        }

        for (int start = 0; start < 2; start++) {
            try (StandInServer server = StandInServer.start(dataDir, "127.0.0.1", 0);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                var vehicles = client.getDatabase("equipment").getCollection("vehicles");
                assertThat(vehicles.countDocuments()).isEqualTo(2500);
                assertThat(vehicles.find(new Document("_id", "v7")).first().getString("plate")).isEqualTo("晋E7");
                MongoWriteException duplicate = org.junit.jupiter.api.Assertions.assertThrows(MongoWriteException.class,
                        () -> vehicles.insertOne(new Document("_id", "other").append("plate", "晋E7")));
                assertThat(duplicate.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
            }
        }
        List<String> names = new ArrayList<>();
        try (var files = Files.list(dataDir)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        }
        assertThat(names).contains("equipment.mv.db.moved", "mongo").doesNotContain("equipment.mv.db");
    }
}
