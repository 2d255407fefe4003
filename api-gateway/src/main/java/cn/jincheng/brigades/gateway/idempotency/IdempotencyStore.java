package cn.jincheng.brigades.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpHeaders;

/**
 * What each Idempotency-Key was first used for, and the answer it got, for {@code ttl}. Kept in
 * this gateway instance's memory, bounded in number: a retry through the same gateway within the
 * day is answered from here.
 */
public final class IdempotencyStore {

    /** The first request under a key: its body's hash, and once answered, the answer. */
    public record Record(String requestHash, Instant at, Answer answer) {
        boolean inProgress() {
            return answer == null;
        }
    }

    /** A stored answer: status, the headers worth replaying, and the body. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    /** What a new request under a key is to do. */
    public enum Claim {
        PROCEED,
        REPLAY,
        IN_PROGRESS,
        MISMATCH
    }

    private final ConcurrentHashMap<String, Record> records = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxRecords;
    private final Clock clock;

    public IdempotencyStore(Duration ttl, int maxRecords, Clock clock) {
        this.ttl = ttl;
        this.maxRecords = maxRecords;
        this.clock = clock;
    }

    /** Claims the key for a request with this body hash, or says why not. */
    public Claim claim(String key, String requestHash) {
        evictExpired();
        Record fresh = new Record(requestHash, clock.instant(), null);
        Record existing = records.putIfAbsent(key, fresh);
        if (existing == null) {
            return Claim.PROCEED;
        }
        if (!existing.requestHash().equals(requestHash)) {
            return Claim.MISMATCH;
        }
        return existing.inProgress() ? Claim.IN_PROGRESS : Claim.REPLAY;
    }

    public Answer answer(String key) {
        Record r = records.get(key);
        return r == null ? null : r.answer();
    }

    /** Keeps a successful answer for retries. */
    public void complete(String key, Answer answer) {
        records.computeIfPresent(key, (k, r) -> new Record(r.requestHash(), r.at(), answer));
    }

    /** Forgets the key: the request failed, so a retry may try again. */
    public void release(String key) {
        records.remove(key);
    }

    private void evictExpired() {
        Instant oldest = clock.instant().minus(ttl);
        if (records.size() < maxRecords && records.values().stream().limit(1).noneMatch(r -> r.at().isBefore(oldest))) {
            return;
        }
        for (Iterator<Map.Entry<String, Record>> it = records.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Record> e = it.next();
            if (e.getValue().at().isBefore(oldest) || records.size() >= maxRecords) {
                it.remove();
            }
        }
    }
}
