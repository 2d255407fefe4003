package cn.jincheng.brigades.common.persistence;

import cn.jincheng.brigades.common.domain.audit.AuditLog;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.standin.StandInServer;
import cn.jincheng.brigades.common.testing.LocalResources;

/** The chained trail against the embedded store, through the real driver. */
class AuditTrailTest {

    private static final Caller CLERK = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");

    private StandInServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AuditTrail trail;

    @BeforeEach
    void start() {
        server = StandInServer.start(LocalResources.tempDir("audit-test"), "127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("audit");
        trail = TestAuditKeys.trail(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static AuditEntry entry(String brigade, int n) {
        return AuditEntry.of(CLERK, Instant.parse("2019-08-01T00:00:00Z").plusSeconds(n), brigade, "brigade.update",
                new Document("notes", "n" + (n - 1)).append("floorAreaM2", 600.0 + n),
                new Document("notes", "n" + n).append("version", (long) n), new Document("notes", "n" + n));
    }

    @Test
    void headsAreEachChainsLastEntryAsStoredIncludingEntriesAnotherReplicaAppended() {
        for (int n = 1; n <= 3; n++) {
            trail.append(entry("zezhou-gaodu", n));
        }
        trail.append(entry("zezhou-nanling", 1));
        assertThat(trail.heads(List.of("zezhou-gaodu", "zezhou-nanling", "zezhou-none")))
                .extracting(AuditLog.Anchor::brigadeId, AuditLog.Anchor::seq, AuditLog.Anchor::hash)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("zezhou-gaodu", 3L, storedHash("zezhou-gaodu#3")),
                        org.assertj.core.groups.Tuple.tuple("zezhou-nanling", 1L, storedHash("zezhou-nanling#1")),
                        org.assertj.core.groups.Tuple.tuple("zezhou-none", 0L, ""));

        // a second replica writes to the same chain: this one's remembered head is stale, the answer is not
        TestAuditKeys.trail(database).append(entry("zezhou-gaodu", 4));
        assertThat(trail.heads(List.of("zezhou-gaodu"))).singleElement()
                .satisfies(head -> assertThat(head.seq()).isEqualTo(4))
                .satisfies(head -> assertThat(head.hash()).isEqualTo(storedHash("zezhou-gaodu#4")));
        // and this replica's next entry still joins the chain after it
        trail.append(entry("zezhou-gaodu", 5));
        assertThat(trail.verify().verified()).isTrue();
        assertThat(database.getCollection("audit").countDocuments(new Document("brigadeId", "zezhou-gaodu"))).isEqualTo(5);
    }

    private String storedHash(String id) {
        return database.getCollection("audit").find(new Document("_id", id)).first().getString("hash");
    }

    @Test
    void aChangeAndItsEntryAreOneWriteAndACrashBeforeTheRelayIsMadeGoodOnRestart() {
        AuditOutbox outbox = new AuditOutbox(trail);
        com.mongodb.client.MongoCollection<Document> vehicles = database.getCollection("vehicles");
        AuditEntry relayed = entry("zezhou-gaodu", 1);
        vehicles.insertOne(AuditOutbox.carrying(new Document("_id", "v1").append("plate", "晋E00001"), relayed));
        outbox.relay(vehicles, "v1", relayed);
        assertThat(vehicles.find(new Document("_id", "v1")).first().getList(AuditOutbox.FIELD, Document.class)).isEmpty();
        // the process dies after the change is stored and before its entry reaches the chain
        AuditEntry orphaned = entry("zezhou-gaodu", 2);
        vehicles.updateOne(new Document("_id", "v1"), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("plate", "晋E00002"), AuditOutbox.carrying(orphaned)));
        assertThat(trail.list("zezhou-gaodu", null, null, 10)).hasSize(1);

        assertThat(new AuditOutbox(trail).relayLeftovers(vehicles)).isEqualTo(1);
        assertThat(trail.list("zezhou-gaodu", null, null, 10)).extracting(AuditEntry::id)
                .containsExactly(orphaned.id(), relayed.id());
        assertThat(new AuditOutbox(trail).relayLeftovers(vehicles)).isZero();
        assertThat(trail.verify().verified()).isTrue();
    }

    @Test
    void aWaitingEntryMarksItsDocumentUntilItIsRelayedAndStartUpFindsLeftoversByTheMark() {
        AuditOutbox outbox = new AuditOutbox(trail);
        com.mongodb.client.MongoCollection<Document> vehicles = database.getCollection("vehicles");
        assertThat(outbox.relayLeftovers(vehicles)).isZero(); // a new store: the index is made at once
        assertThat(indexNames(vehicles)).contains(AuditOutbox.PENDING_INDEX);

        AuditEntry first = entry("zezhou-gaodu", 1);
        vehicles.insertOne(AuditOutbox.carrying(new Document("_id", "v1"), first));
        assertThat(vehicles.find(new Document("_id", "v1")).first().getBoolean(AuditOutbox.PENDING)).isTrue();
        outbox.relay(vehicles, "v1", first);
        assertThat(vehicles.find(new Document("_id", "v1")).first()).doesNotContainKey(AuditOutbox.PENDING);

        // two changes waiting on one document: the mark stays until the last is relayed
        AuditEntry second = entry("zezhou-gaodu", 2);
        AuditEntry third = entry("zezhou-gaodu", 3);
        vehicles.updateOne(new Document("_id", "v1"), AuditOutbox.carrying(second));
        vehicles.updateOne(new Document("_id", "v1"), AuditOutbox.carrying(third));
        outbox.relay(vehicles, "v1", second);
        assertThat(vehicles.find(new Document("_id", "v1")).first().getBoolean(AuditOutbox.PENDING)).isTrue();
        outbox.relay(vehicles, "v1", third);
        assertThat(vehicles.find(new Document("_id", "v1")).first()).doesNotContainKey(AuditOutbox.PENDING);

        // a crash leaves one; a mark on an empty outbox (two relays raced) is taken off too
        vehicles.insertOne(AuditOutbox.carrying(new Document("_id", "v2"), entry("gaoping-macun", 1)));
        vehicles.insertOne(new Document("_id", "v3").append(AuditOutbox.FIELD, List.of()).append(AuditOutbox.PENDING, true));
        assertThat(outbox.relayLeftovers(vehicles)).isEqualTo(1);
        assertThat(vehicles.countDocuments(new Document(AuditOutbox.PENDING, true))).isZero();
        assertThat(trail.list("gaoping-macun", null, null, 10)).hasSize(1);
        assertThat(trail.verify().verified()).isTrue();
    }

    @Test
    void aStoreFromBeforeTheMarkHasItsUnmarkedLeftoversFoundOnceByReadingEverything() {
        com.mongodb.client.MongoCollection<Document> vehicles = database.getCollection("vehicles");
        AuditEntry old = entry("zezhou-gaodu", 1);
        vehicles.insertOne(new Document("_id", "v1").append(AuditOutbox.FIELD, List.of(AuditCodec.document(old))));
        vehicles.insertOne(new Document("_id", "v2").append(AuditOutbox.FIELD, List.of()));

        assertThat(new AuditOutbox(trail).relayLeftovers(vehicles)).isEqualTo(1);
        assertThat(trail.list("zezhou-gaodu", null, null, 10)).extracting(AuditEntry::id).containsExactly(old.id());
        assertThat(vehicles.find(new Document("_id", "v1")).first().getList(AuditOutbox.FIELD, Document.class)).isEmpty();
        assertThat(indexNames(vehicles)).contains(AuditOutbox.PENDING_INDEX);
        assertThat(new AuditOutbox(trail).relayLeftovers(vehicles)).isZero();
    }

    private static List<String> indexNames(com.mongodb.client.MongoCollection<Document> collection) {
        List<String> names = new ArrayList<>();
        collection.listIndexes().forEach(i -> names.add(i.getString("name")));
        return names;
    }

    @Test
    void aTrailOfMoreChainsThanOneWalkTakesIsCheckedWholeAndAnEditInALaterGroupIsFound() {
        int chains = AuditTrail.WALKED_TOGETHER * 2 + 7;
        for (int b = 0; b < chains; b++) {
            trail.append(entry(String.format("b%04d", b), 1));
            trail.append(entry(String.format("b%04d", b), 2));
        }
        AuditLog.Verification whole = trail.verify();
        assertThat(whole.verified()).isTrue();
        assertThat(whole.chains()).isEqualTo(chains);
        assertThat(whole.entries()).isEqualTo(2L * chains);

        String late = String.format("b%04d", AuditTrail.WALKED_TOGETHER + 3);
        database.getCollection("audit").updateOne(com.mongodb.client.model.Filters.eq("_id", late + "#2"),
                com.mongodb.client.model.Updates.set("action", "brigade.delete"));
        AuditLog.Verification edited = trail.verify();
        assertThat(edited.broken().brigadeId()).isEqualTo(late);
        assertThat(edited.broken().fault()).isEqualTo(AuditLog.Fault.EDITED);
    }

    @Test
    void anUntouchedTrailVerifiesAndARelayedEntryIsNotAppendedTwice() {
        for (int i = 1; i <= 5; i++) {
            trail.append(entry("zezhou-gaodu", i));
            trail.append(entry("qinshui-zhongcun", i));
        }
        AuditEntry again = entry("zezhou-gaodu", 6);
        trail.append(again);
        trail.append(AuditCodec.document(again)); // the same entry relayed again after a crash
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).isTrue();
        assertThat(v.entries()).isEqualTo(11);
        assertThat(v.chains()).isEqualTo(2);
        assertThat(trail.list("zezhou-gaodu", null, null, 100)).hasSize(6);
    }

    @Test
    void concurrentWritersNeverForkAChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                int n = i;
                writes.add(pool.submit(() -> trail.append(entry("zezhou-nancun", n))));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).isTrue();
        assertThat(v.entries()).isEqualTo(40);
    }

    @Test
    void twoProcessesAppendingToOneChainKeepItWholeThoughEachRemembersAnOldEnd() {
        AuditTrail otherProcess = TestAuditKeys.trail(database);
        for (int i = 1; i <= 12; i += 3) {
            trail.append(entry("zezhou-xiacun", i));
            otherProcess.append(entry("zezhou-xiacun", i + 1));
            otherProcess.append(entry("zezhou-xiacun", i + 2));
        }
        AuditEntry relayedByBoth = entry("zezhou-xiacun", 13);
        trail.append(relayedByBoth);
        otherProcess.append(relayedByBoth);
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).isTrue();
        assertThat(v.entries()).isEqualTo(13);
        assertThat(database.getCollection("audit").find(new Document("_id", "zezhou-xiacun#13")).first()
                .getString("entryId")).isEqualTo(relayedByBoth.id());
    }

    @Test
    void aChainLongerThanTheProbeStepsIsContinuedAtItsEndAfterARestart() {
        for (int i = 1; i <= 37; i++) {
            trail.append(entry("gaoping-chenqu", i));
        }
        TestAuditKeys.trail(database).append(entry("gaoping-chenqu", 38)); // a restarted process knows no ends
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).isTrue();
        assertThat(v.entries()).isEqualTo(38);
    }

    @Test
    void aStoreFromAnEarlierVersionGetsTheIndexesOfThisOneInPlaceOfItsOwn() {
        var old = client.getDatabase("older");
        old.getCollection("audit").createIndex(com.mongodb.client.model.Indexes.ascending("entryId"));
        old.getCollection("audit").createIndex(com.mongodb.client.model.Indexes.compoundIndex(
                com.mongodb.client.model.Indexes.ascending("brigadeId"), com.mongodb.client.model.Indexes.descending("seq")));
        old.getCollection("audit").createIndex(com.mongodb.client.model.Indexes.ascending("brigadeId", "seq"));
        TestAuditKeys.trail(old);
        List<String> names = new ArrayList<>();
        old.getCollection("audit").listIndexes().forEach(d -> names.add(d.getString("name")));
        // the same keys under another name go before their successor is made; other keys after it
        assertThat(names).contains(AuditTrail.ENTRY_ID_INDEX, "brigadeId_1_seq_1_hash_1", "brigadeId_1_at_-1_entryId_-1")
                .doesNotContain("entryId_1", "brigadeId_1_seq_-1", "brigadeId_1_seq_1");
        TestAuditKeys.trail(old); // and a second start changes nothing
    }

    @Test
    void entriesAppendedAllAtOnceMakeTheSameChainsAsOneByOneEvenWhereAnotherWriterGotThereFirst() {
        AuditTrail otherProcess = TestAuditKeys.trail(database);
        trail.append(entry("zezhou-a", 1));
        otherProcess.append(entry("zezhou-a", 2)); // trail still believes zezhou-a ends at 1
        AuditEntry alreadyThere = entry("zezhou-b", 1);
        trail.append(alreadyThere);
        otherProcess.append(entry("zezhou-e", 1)); // a chain trail has never seen, begun elsewhere
        List<Document> batch = new ArrayList<>();
        batch.add(AuditCodec.document(entry("zezhou-a", 3)));
        batch.add(AuditCodec.document(alreadyThere)); // relayed again: not appended twice
        batch.add(AuditCodec.document(entry("zezhou-c", 1)));
        batch.add(AuditCodec.document(entry("zezhou-c", 2))); // the same brigade twice: one by one
        batch.add(AuditCodec.document(entry("zezhou-d", 1)));
        batch.add(AuditCodec.document(entry("zezhou-e", 2)));
        trail.appendAll(batch);
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).isTrue();
        assertThat(v.entries()).isEqualTo(9);
        assertThat(trail.list("zezhou-e", null, null, 10)).hasSize(2);
        assertThat(trail.list("zezhou-a", null, null, 10)).hasSize(3);
        assertThat(trail.list("zezhou-c", null, null, 10)).hasSize(2);
    }

    @Test
    void anEntryEditedInTheStoreIsNamed() {
        for (int i = 1; i <= 4; i++) {
            trail.append(entry("zezhou-dayang", i));
        }
        database.getCollection("audit").updateOne(new Document("_id", "zezhou-dayang#3"),
                new Document("$set", new Document("after.notes", "someone rewrote history")));
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).isFalse();
        assertThat(v.broken().brigadeId()).isEqualTo("zezhou-dayang");
        assertThat(v.broken().seq()).isEqualTo(3);
        assertThat(v.broken().reason()).contains("changed");
    }

    @Test
    void anEntryRemovedFromTheStoreIsNamed() {
        for (int i = 1; i <= 4; i++) {
            trail.append(entry("gaoping-macun", i));
        }
        database.getCollection("audit").deleteOne(new Document("_id", "gaoping-macun#2"));
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).isFalse();
        assertThat(v.broken().seq()).isEqualTo(2);
        assertThat(v.broken().reason()).contains("missing");
    }

}
