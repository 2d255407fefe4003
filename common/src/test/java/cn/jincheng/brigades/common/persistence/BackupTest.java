package cn.jincheng.brigades.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.standin.StandInServer;

class BackupTest {

    @Test
    void aBackupRestoresEveryDocumentAsItWasAndTheAuditChainsStillVerify() throws Exception {
        Path original = LocalResources.tempDir("backup-original");
        List<Document> brigades = new ArrayList<>();
        try (StandInServer server = StandInServer.start(original, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            var db = client.getDatabase("station");
            db.getCollection("brigades").insertOne(new Document("_id", "zezhou-gaodu").append("town", "高都镇")
                    .append("version", 7L).append("housing", new Document("floorAreaM2", 612.5).append("garageBays", 3))
                    .append("milestones", List.of(new Document("id", "mobilisation")
                            .append("submittedAt", Date.from(Instant.parse("2019-06-20T02:00:00Z"))))));
            AuditTrail trail = TestAuditKeys.trail(db);
            Caller clerk = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
            for (int i = 1; i <= 5; i++) {
                trail.append(AuditEntry.of(clerk, Instant.parse("2019-08-01T00:00:00Z").plusSeconds(i), "zezhou-gaodu",
                        "brigade.update", new Document("notes", "n" + (i - 1)), new Document("notes", "n" + i)
                                .append("floorAreaM2", 600.0 + i).append("version", (long) i), new Document("notes", "n" + i)));
            }
            db.getCollection("brigades").find().into(brigades);
        }
        Path backup = LocalResources.tempDir("backup-files");
        long written;
        try (StandInServer server = StandInServer.start(original, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            written = Backup.exportAll(client, backup);
        }
        assertThat(written).isEqualTo(6);
        assertThat(Files.readAllLines(backup.resolve("station/audit.jsonl"))).hasSize(5);

        Path restored = LocalResources.tempDir("backup-restored");
        try (StandInServer server = StandInServer.start(restored, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(Backup.restoreAll(backup, client, TestAuditKeys.KEYS)).isEmpty();
            var db = client.getDatabase("station");
            assertThat(db.getCollection("brigades").find().into(new ArrayList<>())).isEqualTo(brigades);
            assertThat(TestAuditKeys.trail(db).verify().verified()).isTrue();
            assertThat(db.getCollection("audit").find().sort(Sorts.ascending("seq")).first().get("seq")).isEqualTo(1L);
            assertThatThrownBy(() -> Backup.restoreAll(backup, client, TestAuditKeys.KEYS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("empty data directory");
        }
    }
}
