package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.audit.AuditLog.Anchor;

/**
 * Signed chain heads kept in the service's database ({@value #COLLECTION}), one per brigade and
 * business day at most (id {@code <brigade>|<day>}), and a mark per day once the day's anchoring is
 * done. The store can lose them (whoever can delete entries can delete anchors), but cannot forge
 * them: each carries an HMAC under a key the store does not hold. Anchors kept outside the store,
 * in acceptance reports, cannot be deleted by an insider: {@code verify} takes them as parameters.
 */
public final class AuditAnchors {

    public static final String COLLECTION = "audit_anchors";
    private static final String DAY_MARK = "day|";

    private final MongoCollection<Document> anchors;
    private final AuditKeys keys;

    public AuditAnchors(MongoDatabase database, AuditKeys keys) {
        this.anchors = database.getCollection(COLLECTION);
        this.keys = keys;
    }

    /** The head signed now with the current key ({@code at} kept to the millisecond, as stored). */
    public Anchor sign(String brigadeId, long seq, String hash, Instant at) {
        Instant millis = at.truncatedTo(ChronoUnit.MILLIS);
        return new Anchor(brigadeId, seq, hash, millis, keys.currentId(),
                keys.mac(AuditCanonical.anchor(brigadeId, seq, hash, millis, keys.currentId())));
    }

    /** Whether this service signed the anchor (with its current key or a retired one). */
    public boolean holds(Anchor a) {
        return a.brigadeId() != null && a.hash() != null && a.at() != null && keys.verifies(a.keyId(),
                AuditCanonical.anchor(a.brigadeId(), a.seq(), a.hash(), a.at(), a.keyId()), a.mac());
    }

    /** Stores the day's anchor of a brigade unless it has one already; @return whether it was written */
    boolean store(Anchor a, LocalDate day) {
        return MongoWrites.insertIfAbsent(anchors, new Document("_id", a.brigadeId() + "|" + day)
                .append("brigadeId", a.brigadeId()).append("day", day.toString()).append("seq", a.seq())
                .append("hash", a.hash()).append("at", Date.from(a.at())).append("keyId", a.keyId())
                .append("mac", a.mac()));
    }

    boolean dayDone(LocalDate day) {
        return anchors.find(eq("_id", DAY_MARK + day)).first() != null;
    }

    void markDay(LocalDate day, Instant at, int written) {
        MongoWrites.insertIfAbsent(anchors, new Document("_id", DAY_MARK + day).append("at", Date.from(at))
                .append("anchored", written));
    }

    /** The stored anchors: per brigade the latest that this service signed, and those it did not sign. */
    record Stored(Map<String, Anchor> latest, List<Anchor> forged) {
    }

    Stored load() {
        Map<String, Anchor> latest = new HashMap<>();
        List<Anchor> forged = new ArrayList<>();
        anchors.find(exists("brigadeId")).batchSize(5_000).forEach(d -> {
            Anchor a = anchor(d);
            if (!holds(a)) {
                forged.add(a);
            } else {
                latest.merge(a.brigadeId(), a, (x, y) -> x.seq() >= y.seq() ? x : y);
            }
        });
        return new Stored(latest, forged);
    }

    private static Anchor anchor(Document d) {
        Object seq = d.get("seq");
        Date at = d.get("at") instanceof Date date ? date : null;
        return new Anchor(d.get("brigadeId") instanceof String s ? s : null, seq instanceof Number n ? n.longValue() : -1,
                d.get("hash") instanceof String h ? h : null, at == null ? null : at.toInstant(),
                d.get("keyId") instanceof String k ? k : null, d.get("mac") instanceof String m ? m : null);
    }
}
