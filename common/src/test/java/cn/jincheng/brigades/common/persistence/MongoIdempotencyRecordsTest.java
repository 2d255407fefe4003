package cn.jincheng.brigades.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.idempotency.IdempotencyRecords.Claim;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.common.testing.MovableClock;
import cn.jincheng.brigades.standin.StandInServer;

/** Idempotency records and marks against the stand-in server, through the real driver. */
class MongoIdempotencyRecordsTest {

    private static final Duration TTL = Duration.ofHours(24);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private StandInServer server;
    private MongoClient client;
    private MongoDatabase database;
    private MovableClock clock;
    private MongoIdempotencyRecords records;

    @BeforeEach
    void start() {
        server = StandInServer.start(LocalResources.tempDir("idempotency-test"), "127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("idem");
        clock = new MovableClock(Instant.parse("2019-08-01T02:00:00Z"));
        records = new MongoIdempotencyRecords(database, TTL, LEASE, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theIndexesAreAUniqueCallerAndKeyAndATtlOnExpiry() {
        List<Document> indexes = database.getCollection(MongoIdempotencyRecords.COLLECTION).listIndexes()
                .into(new ArrayList<>());
        assertThat(indexes).anySatisfy(i -> {
            assertThat(i.get("key", Document.class)).isEqualTo(new Document("caller", 1).append("key", 1));
            assertThat(i.getBoolean("unique")).isTrue();
        }).anySatisfy(i -> {
            assertThat(i.get("key", Document.class)).isEqualTo(new Document("expiresAt", 1));
            assertThat(((Number) i.get("expireAfterSeconds")).longValue()).isZero();
        });
        MongoCollection<Document> raw = database.getCollection(MongoIdempotencyRecords.COLLECTION);
        raw.insertOne(new Document("caller", "a").append("key", "k"));
        assertThatThrownBy(() -> raw.insertOne(new Document("caller", "a").append("key", "k")))
                .isInstanceOf(MongoWriteException.class);
    }

    @Test
    void aKeyIsClaimedOnceAndItsAnswerReplayedToTheSameRequestOnly() {
        Claim first = records.claim("clerk", "k1", "POST a");
        assertThat(first).isInstanceOf(Claim.Proceed.class);
        assertThat(records.claim("clerk", "k1", "POST a")).isInstanceOf(Claim.InProgress.class);
        assertThat(records.claim("clerk", "k1", "POST b")).isInstanceOf(Claim.Mismatch.class);
        // keys are per caller
        assertThat(records.claim("other", "k1", "POST b")).isInstanceOf(Claim.Proceed.class);

        records.complete((Claim.Proceed) first, "answer".getBytes(StandardCharsets.UTF_8));
        Claim again = records.claim("clerk", "k1", "POST a");
        assertThat(again).isInstanceOf(Claim.Replay.class);
        assertThat(new String(((Claim.Replay) again).answer(), StandardCharsets.UTF_8)).isEqualTo("answer");
        assertThat(records.claim("clerk", "k1", "POST b")).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void aReleasedKeyMayBeUsedAgainAndAnExpiredOneIsForgotten() {
        records.release((Claim.Proceed) records.claim("clerk", "k2", "POST a"));
        Claim retried = records.claim("clerk", "k2", "POST a");
        assertThat(retried).isInstanceOf(Claim.Proceed.class);
        records.complete((Claim.Proceed) retried, new byte[] { 1 });

        clock.advance(TTL.plusSeconds(1));
        assertThat(records.claim("clerk", "k2", "POST b")).isInstanceOf(Claim.Proceed.class);
    }

    @Test
    void aClaimWhoseServiceStoppedIsTakenOverOnlyWhenItsChangeWasNotMade() {
        Claim.Proceed stopped = (Claim.Proceed) records.claim("clerk", "k3", "POST a");
        clock.advance(LEASE.plusSeconds(1));
        Claim takeover = records.claim("clerk", "k3", "POST a");
        assertThat(takeover).isInstanceOf(Claim.Proceed.class);
        // the stopped request's late settling touches nothing of the new claim
        records.release(stopped);
        assertThat(records.claim("clerk", "k3", "POST a")).isInstanceOf(Claim.InProgress.class);

        // this time the change was made (its mark is on the changed document) before the service stopped
        Claim.Proceed applied = (Claim.Proceed) records.claim("clerk", "k4", "POST a");
        MongoCollection<Document> vehicles = database.getCollection("vehicles");
        new AuditOutbox(TestAuditKeys.trail(database)).relayLeftovers(vehicles);
        AuditEntry entry = AuditEntry.of(new Caller("clerk", Role.CITY_ADMIN, null), clock.instant(), "b1",
                "vehicle.add", null, new Document("plate", "晋E1"), new Document("plate", "晋E1"));
        applied.mark().during(() -> vehicles.insertOne(AuditOutbox.carrying(new Document("_id", "v1"), entry)));
        assertThat(vehicles.find(Filters.eq("_id", "v1")).first().get(IdempotencyMarks.FIELD, Document.class))
                .containsEntry("caller", "clerk").containsEntry("key", "k4");
        clock.advance(LEASE.plusSeconds(1));
        assertThat(records.claim("clerk", "k4", "POST a")).isInstanceOf(Claim.AppliedAnswerLost.class);
    }

    @Test
    void anUpdateCarriesTheMarkOnlyWhenAKeyCameWithTheRequest() {
        MongoCollection<Document> brigades = database.getCollection("brigades");
        brigades.insertOne(new Document("_id", "b1").append("notes", ""));
        AuditEntry entry = AuditEntry.of(new Caller("clerk", Role.CITY_ADMIN, null), clock.instant(), "b1",
                "brigade.update", null, new Document("notes", "x"), new Document("notes", "x"));
        brigades.updateOne(Filters.eq("_id", "b1"), AuditOutbox.carrying(entry));
        assertThat(brigades.find().first()).doesNotContainKey(IdempotencyMarks.FIELD);

        Claim.Proceed claim = (Claim.Proceed) records.claim("clerk", "k5", "PATCH b1");
        claim.mark().during(() -> brigades.updateOne(Filters.eq("_id", "b1"), AuditOutbox.carrying(entry)));
        assertThat(brigades.find().first().get(IdempotencyMarks.FIELD, Document.class)).containsEntry("key", "k5");
    }

    @Test
    void ofConcurrentClaimsOfOneKeyExactlyOneProceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                claims.add(() -> records.claim("clerk", "race", "POST a"));
            }
            List<Claim> outcomes = new ArrayList<>();
            for (Future<Claim> f : pool.invokeAll(claims)) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(c -> c instanceof Claim.Proceed).hasSize(1);
            assertThat(outcomes).filteredOn(c -> c instanceof Claim.InProgress).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
    }
}
