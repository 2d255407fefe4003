package cn.jincheng.brigades.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditLog;
import cn.jincheng.brigades.common.domain.audit.AuditLog.Fault;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.standin.StandInServer;

/**
 * What an insider with write access to the store can do to a trail, and what verify says about it
 * (docs/adr/0010): against the stand-in server through the real driver, editing the stored
 * documents directly as such a person would.
 */
class AuditTamperingTest {

    private static final Caller CLERK = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
    private static final String B = "zezhou-dayang";
    private static final LocalDate DAY = LocalDate.of(2019, 12, 31);

    private StandInServer server;
    private MongoClient client;
    private MongoDatabase database;
    private MongoCollection<Document> audit;
    private AuditTrail trail;

    @BeforeEach
    void start() {
        server = StandInServer.start(LocalResources.tempDir("audit-tamper"), "127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("audit");
        audit = database.getCollection("audit");
        trail = TestAuditKeys.trail(database);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static AuditEntry entry(int n) {
        return AuditEntry.of(CLERK, Instant.parse("2019-08-01T00:00:00Z").plusSeconds(n), B, "brigade.update",
                new Document("notes", "n" + (n - 1)).append("floorAreaM2", 600.5 + n),
                new Document("notes", "n" + n).append("version", (long) n).append("rooms", List.of(n, "x")), null);
    }

    private void chainOf(int entries) {
        for (int i = 1; i <= entries; i++) {
            trail.append(entry(i));
        }
    }

    private Document stored(long seq) {
        return audit.find(new Document("_id", B + "#" + seq)).first();
    }

    private AuditLog.Broken broken() {
        AuditLog.Verification v = trail.verify();
        assertThat(v.verified()).as("verified").isFalse();
        return v.broken();
    }

    @Test
    void anUntouchedKeyedChainVerifiesAndEveryEntryIsFormat2WithAMac() {
        chainOf(4);
        assertThat(trail.verify().verified()).isTrue();
        assertThat(stored(1).getInteger("format")).isEqualTo(2);
        assertThat(stored(1).getString("keyId")).isEqualTo("test-1");
        assertThat(stored(1).getString("mac")).hasSize(64);
        assertThat(stored(2).getString("prevHash")).isEqualTo(stored(1).getString("hash"));
    }

    @Test
    void anEntryEditedInTheStoreIsEdited() {
        chainOf(4);
        audit.updateOne(new Document("_id", B + "#3"), new Document("$set", new Document("after.notes", "rewritten")));
        AuditLog.Broken b = broken();
        assertThat(b.fault()).isEqualTo(Fault.EDITED);
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.entryId()).isEqualTo(stored(3).getString("entryId"));
    }

    @Test
    void aTypeChangedInTheStoreIsAnEditToo() {
        chainOf(2);
        Document second = stored(2);
        second.get("after", Document.class).put("version", 2); // int64 2 stored as int32 2
        audit.replaceOne(new Document("_id", B + "#2"), second);
        assertThat(stored(2).get("after", Document.class).get("version")).isInstanceOf(Integer.class);
        assertThat(broken().fault()).isEqualTo(Fault.EDITED);
    }

    @Test
    void aMiddleEntryDeletedIsDeleted() {
        chainOf(4);
        audit.deleteOne(new Document("_id", B + "#2"));
        AuditLog.Broken b = broken();
        assertThat(b.fault()).isEqualTo(Fault.DELETED);
        assertThat(b.seq()).isEqualTo(2);
    }

    @Test
    void theLastEntryDeletedAfterTheDaysAnchorIsTruncation() {
        chainOf(4);
        assertThat(trail.anchorDay(DAY)).isEqualTo(1);
        audit.deleteOne(new Document("_id", B + "#4"));
        AuditLog.Broken b = broken();
        assertThat(b.fault()).isEqualTo(Fault.TRUNCATED);
        assertThat(b.seq()).isEqualTo(4);
        assertThat(b.reason()).contains("anchored at entry 4");
    }

    @Test
    void theWholeChainDeletedAfterTheDaysAnchorIsTruncation() {
        chainOf(2);
        trail.anchorDay(DAY);
        audit.deleteMany(new Document());
        AuditLog.Broken b = broken();
        assertThat(b.fault()).isEqualTo(Fault.TRUNCATED);
        assertThat(b.brigadeId()).isEqualTo(B);
        assertThat(b.seq()).isEqualTo(1);
    }

    @Test
    void aCutTailIsFoundAgainstAnAnchorTheCallerKeptEvenWithTheStoredAnchorsDeletedToo() {
        chainOf(3);
        AuditLog.Anchor printed = trail.heads(List.of(B)).get(0);
        assertThat(printed.seq()).isEqualTo(3);
        trail.anchorDay(DAY);
        audit.deleteOne(new Document("_id", B + "#3"));
        database.getCollection(AuditAnchors.COLLECTION).deleteMany(new Document());
        assertThat(trail.verify().verified()).as("without any anchor a cut tail cannot be seen").isTrue();
        AuditLog.Verification v = trail.verify(List.of(printed));
        assertThat(v.broken().fault()).isEqualTo(Fault.TRUNCATED);
        assertThat(v.broken().seq()).isEqualTo(3);
    }

    @Test
    void anAnchorTheServiceDidNotSignIsRefusedAndAForgedStoredOneIsReported() {
        chainOf(2);
        AuditLog.Anchor real = trail.heads(List.of(B)).get(0);
        AuditLog.Anchor altered = new AuditLog.Anchor(B, 1, real.hash(), real.at(), real.keyId(), real.mac());
        assertThatThrownBy(() -> trail.verify(List.of(altered))).isInstanceOf(ValidationException.class);
        assertThat(trail.verify(List.of(real)).verified()).isTrue();

        database.getCollection(AuditAnchors.COLLECTION).insertOne(new Document("_id", B + "|2019-12-30")
                .append("brigadeId", B).append("seq", 9L).append("hash", "00").append("at", new java.util.Date(0))
                .append("keyId", "test-1").append("mac", "00"));
        assertThat(broken().fault()).isEqualTo(Fault.WRONG_KEY);
    }

    @Test
    void twoEntriesSwappedAreReordered() {
        chainOf(4);
        Document second = stored(2);
        Document third = stored(3);
        audit.deleteMany(new Document("_id", new Document("$in", List.of(B + "#2", B + "#3"))));
        third.put("_id", B + "#2");
        third.put("seq", 2L);
        second.put("_id", B + "#3");
        second.put("seq", 3L);
        audit.insertMany(List.of(third, second));
        AuditLog.Broken b = broken();
        assertThat(b.fault()).isEqualTo(Fault.REORDERED);
        assertThat(b.seq()).isEqualTo(2);
    }

    @Test
    void aChainRecomputedWithSha256ButWithoutTheKeyIsWrongKey() {
        chainOf(4);
        String previous = stored(1).getString("hash");
        for (long seq = 2; seq <= 4; seq++) {
            Document d = stored(seq);
            if (seq == 2) {
                d.put("actor", "someone-else");
            }
            d.put("prevHash", previous);
            BsonDocument bson = d.toBsonDocument(BsonDocument.class, audit.getCodecRegistry());
            d.put("hash", AuditChain.hashV2(bson)); // what anyone can compute: the MAC they cannot
            previous = d.getString("hash");
            audit.replaceOne(new Document("_id", d.get("_id")), d);
        }
        AuditLog.Broken b = broken();
        assertThat(b.fault()).isEqualTo(Fault.WRONG_KEY);
        assertThat(b.seq()).isEqualTo(2);
        // and a verifier with another key sees every entry as not its own
        AuditTrail otherKey = new AuditTrail(database, AuditKeys.of("another-audit-key-0123456789abcdef012345",
                "test-1", null), TestAuditKeys.CLOCK);
        assertThat(otherKey.verify().broken().seq()).isEqualTo(1);
        assertThat(otherKey.verify().broken().fault()).isEqualTo(Fault.WRONG_KEY);
    }

    @Test
    void aKeyedEntryRewrittenAsAnUnkeyedOneIsWrongKey() {
        chainOf(3);
        Document third = stored(3);
        third.remove("format");
        third.remove("keyId");
        third.remove("mac");
        third.put("hash", AuditChain.hash(third));
        audit.replaceOne(new Document("_id", B + "#3"), third);
        AuditLog.Broken b = broken();
        assertThat(b.fault()).isEqualTo(Fault.WRONG_KEY);
        assertThat(b.seq()).isEqualTo(3);
    }

    /** A chain as the code before format 2 wrote it. */
    private void formatOneChain(String brigade, int entries) {
        String previous = "";
        for (int n = 1; n <= entries; n++) {
            Document d = AuditCodec.document(AuditEntry.of(CLERK, Instant.parse("2019-08-01T00:00:00Z").plusSeconds(n),
                    brigade, "brigade.update", null, new Document("notes", "n" + n).append("version", (long) n), null));
            d.append("entryId", d.getString("_id")).append("seq", (long) n).append("prevHash", previous);
            d.put("_id", brigade + "#" + n);
            d.put("hash", AuditChain.hash(d));
            previous = d.getString("hash");
            audit.insertOne(d);
        }
    }

    @Test
    void aFormatOneChainStillVerifiesIsAnchoredOnceAndGrowsKeyed() {
        formatOneChain(B, 3);
        AuditTrail started = TestAuditKeys.trail(database); // a service of this version starting on the old store
        assertThat(started.verify().verified()).isTrue();
        assertThat(started.anchorDay(DAY)).isEqualTo(1);
        assertThat(TestAuditKeys.trail(database).anchorDay(DAY)).as("the same day again").isZero();
        started.append(entry(4));
        assertThat(stored(4).getInteger("format")).isEqualTo(2);
        assertThat(stored(4).getString("prevHash")).isEqualTo(stored(3).getString("hash"));
        assertThat(started.verify().verified()).isTrue();

        // the unkeyed part rewritten consistently (as anyone could before): the anchor disagrees
        audit.deleteMany(new Document());
        formatOneChain(B, 3);
        assertThat(started.verify().broken().fault()).isEqualTo(Fault.TRUNCATED);
    }

    @Test
    void severalReplicasAnchoringTheSameDayAtOnceWriteOneAnchorPerChain() throws Exception {
        chainOf(2);
        formatOneChain("gaoping-macun", 2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> TestAuditKeys.trail(database).anchorDay(DAY)));
            }
            int written = 0;
            for (var run : runs) {
                written += run.get();
            }
            assertThat(written).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.getCollection(AuditAnchors.COLLECTION).countDocuments(new Document("brigadeId",
                new Document("$exists", true)))).isEqualTo(2);
        assertThat(trail.anchorDay(DAY.plusDays(1))).as("nothing grew since").isZero();
    }

    @Test
    void aTamperedChainIsNotAnchored() {
        chainOf(2);
        audit.updateOne(new Document("_id", B + "#2"), new Document("$set", new Document("actor", "x")));
        assertThat(trail.anchorDay(DAY)).isZero();
    }
}
