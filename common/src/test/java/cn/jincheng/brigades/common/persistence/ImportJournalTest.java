package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.standin.StandInServer;

/** All or none, with the audit entries, against the embedded store through the real driver. */
class ImportJournalTest {

    private static final Caller CLERK = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
    private static final Instant AT = Instant.parse("2019-08-01T00:00:00Z");

    private StandInServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AuditTrail trail;
    private ImportJournal journal;

    @BeforeEach
    void start() {
        server = StandInServer.start(LocalResources.tempDir("import-test"), "127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("imports");
        trail = TestAuditKeys.trail(database);
        journal = new ImportJournal(database, trail);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static ImportJournal.Batch batch(int items, String... brigades) {
        ImportJournal.Batch batch = new ImportJournal.Batch();
        for (int i = 0; i < items; i++) {
            batch.add("items", new Document("_id", "item-" + i).append("brigadeId", brigades[i % brigades.length]));
        }
        for (String brigade : brigades) {
            batch.audit(AuditEntry.of(CLERK, AT, brigade, "equipment.import", null, new Document("n", items), null));
        }
        return batch;
    }

    @Test
    void aStoredImportHasEveryDocumentAndOneChainedEntryPerBrigade() {
        String id = journal.store("equipment", "clerk-zezhou", batch(2500, "zezhou-gaodu", "zezhou-nancun"), AT);
        assertThat(database.getCollection("items").countDocuments(eq(ImportJournal.IMPORT_ID, id))).isEqualTo(2500);
        assertThat(trail.list("zezhou-gaodu", null, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("equipment.import"));
        assertThat(trail.list("zezhou-nancun", null, null, 10)).hasSize(1);
        assertThat(database.getCollection("imports").find(eq("_id", id)).first().getString("state")).isEqualTo("DONE");
        assertThat(trail.verify().broken()).isNull();
    }

    @Test
    void aFailedInsertLeavesNothingOfTheImportAndNoAuditEntry() {
        database.getCollection("items").createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        database.getCollection("items").insertOne(new Document("_id", "existing").append("code", "X"));
        ImportJournal.Batch batch = batch(1500, "zezhou-gaodu");
        batch.add("items", new Document("_id", "clash").append("code", "X")); // fails after 1500 went in
        assertThatThrownBy(() -> journal.store("equipment", "clerk-zezhou", batch, AT)).isInstanceOf(MongoException.class);
        assertThat(database.getCollection("items").countDocuments()).isEqualTo(1);
        assertThat(trail.list("zezhou-gaodu", null, null, 10)).isEmpty();
    }

    @Test
    void aCrashBeforeTheCommitIsUndoneAndACrashAfterItIsCompletedOnRestart() {
        // as a crash leaves them: one import half stored, one committed whose entries were not yet relayed
        database.getCollection("items").insertMany(List.of(
                new Document("_id", "a").append(ImportJournal.IMPORT_ID, "crashed"),
                new Document("_id", "b").append(ImportJournal.IMPORT_ID, "crashed"),
                new Document("_id", "c").append(ImportJournal.IMPORT_ID, "committed")));
        AuditEntry entry = AuditEntry.of(CLERK, AT, "zezhou-gaodu", "equipment.import", null, new Document("n", 1), null);
        database.getCollection("imports").insertMany(List.of(
                new Document("_id", "crashed").append("kind", "equipment").append("state", "PENDING")
                        .append("collections", List.of("items")).append("startedAt", Date.from(AT)),
                new Document("_id", "committed").append("kind", "equipment").append("state", "COMMITTED")
                        .append("collections", List.of("items")).append("entries", List.of(AuditCodec.document(entry)))));

        assertThat(new ImportJournal(database, trail).recover()).isEqualTo(2);

        assertThat(database.getCollection("items").find().map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactly("c");
        assertThat(trail.list("zezhou-gaodu", null, null, 10)).extracting(AuditEntry::id).containsExactly(entry.id());
        assertThat(new ImportJournal(database, trail).recover()).as("nothing left to finish").isZero();
        assertThat(trail.list("zezhou-gaodu", null, null, 10)).hasSize(1);
    }
}
