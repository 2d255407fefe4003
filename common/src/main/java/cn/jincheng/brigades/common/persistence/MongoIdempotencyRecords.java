package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadPreference;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.idempotency.IdempotencyMark;
import cn.jincheng.brigades.common.domain.idempotency.IdempotencyRecords;

/**
 * Idempotency records in the service's own database, collection {@value #COLLECTION}: one
 * document per (caller, key) under a unique index, so that two replicas claiming one key at once
 * cannot both win; a TTL index on {@code expiresAt} removes them after {@code ttl}. Every write is
 * a single-document write with the database's majority concern; no transaction is needed (the
 * stand-in has none). A claim holds a lease: a claim whose lease ran out belongs to a service that
 * stopped mid-request, and is taken over only when no document carries the request's mark.
 */
public final class MongoIdempotencyRecords implements IdempotencyRecords {

    public static final String COLLECTION = "idempotency";
    private static final String RUNNING = "RUNNING";
    private static final String DONE = "DONE";

    private final MongoDatabase database;
    private final MongoCollection<Document> records;
    private final Duration ttl;
    private final Duration lease;
    private final Clock clock;

    public MongoIdempotencyRecords(MongoDatabase database, Duration ttl, Duration lease, Clock clock) {
        this.database = database;
        // the claim a duplicate key points at is read where it was written
        this.records = database.getCollection(COLLECTION).withReadPreference(ReadPreference.primary());
        this.ttl = ttl;
        this.lease = lease;
        this.clock = clock;
        MongoIndexes.declare(records, List.of(
                new IndexModel(Indexes.ascending("caller", "key"), new IndexOptions().unique(true).name("caller_key_unique")),
                new IndexModel(Indexes.ascending("expiresAt"),
                        new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_ttl"))));
    }

    @Override
    public Claim claim(String caller, String key, String fingerprint) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            String token = new ObjectId().toHexString();
            try {
                records.insertOne(new Document("caller", caller).append("key", key).append("fingerprint", fingerprint)
                        .append("state", RUNNING).append("token", token).append("claimedAt", Date.from(now))
                        .append("leaseUntil", Date.from(now.plus(lease))).append("expiresAt", Date.from(now.plus(ttl))));
                return new Claim.Proceed(caller, key, token, new IdempotencyMark(caller, key, now));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = records.find(and(eq("caller", caller), eq("key", key))).first();
            if (existing == null) {
                continue; // released or expired meanwhile
            }
            if (!existing.getDate("expiresAt").toInstant().isAfter(now)) {
                // the TTL monitor runs about once a minute (never on the stand-in): expiry is decided here
                records.deleteOne(and(eq("_id", existing.get("_id")), eq("token", existing.getString("token"))));
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                return new Claim.Mismatch();
            }
            if (DONE.equals(existing.getString("state"))) {
                return new Claim.Replay(existing.get("answer", Binary.class).getData());
            }
            if (existing.getDate("leaseUntil").toInstant().isAfter(now)) {
                return new Claim.InProgress();
            }
            if (IdempotencyMarks.applied(database, caller, key)) {
                return new Claim.AppliedAnswerLost();
            }
            // the claimer stopped before changing anything: this request takes the key over
            if (records.updateOne(and(eq("_id", existing.get("_id")), eq("token", existing.getString("token")),
                    eq("state", RUNNING)), Updates.combine(Updates.set("token", token),
                            Updates.set("claimedAt", Date.from(now)),
                            Updates.set("leaseUntil", Date.from(now.plus(lease))))).getModifiedCount() == 1) {
                return new Claim.Proceed(caller, key, token, new IdempotencyMark(caller, key, now));
            }
            return new Claim.InProgress();
        }
        return new Claim.InProgress();
    }

    @Override
    public void complete(Claim.Proceed claim, byte[] answer) {
        records.updateOne(mine(claim), Updates.combine(Updates.set("state", DONE), Updates.set("answer", new Binary(answer)),
                Updates.set("completedAt", Date.from(clock.instant()))));
    }

    @Override
    public void release(Claim.Proceed claim) {
        records.deleteOne(and(mine(claim), eq("state", RUNNING)));
    }

    private static org.bson.conversions.Bson mine(Claim.Proceed claim) {
        return and(eq("caller", claim.caller()), eq("key", claim.key()), eq("token", claim.token()));
    }
}
