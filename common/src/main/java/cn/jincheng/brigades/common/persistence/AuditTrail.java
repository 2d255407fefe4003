package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditLog;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.time.TimeSource;


/**
 * A service's audit trail: append-only, and tamper-evident. The entries of each brigade form a
 * chain: entry n carries {@code seq} n, the hash of entry n−1 and a SHA-256 hash over its own
 * content and that previous hash; since format 2 (docs/adr/0010) the content is pinned canonical
 * BSON ({@link AuditCanonical}) and each entry also carries an HMAC under a key the database does
 * not hold, and the chains' heads are anchored daily ({@link #anchorDay}) and in reports. The stored id is {@code <brigade>#<seq>}, so appending is itself
 * the compare-and-set: two writers cannot both become entry n, and a chain never forks. Editing,
 * removing or reordering an entry in the store breaks the chain at that entry, which
 * {@link #verify()} names. Every service keeps the entries of its own changes; the gateway merges.
 */
public class AuditTrail implements AuditLog {

    /**
     * Chains checked per query, in (brigade, seq) order. A walk of the whole trail in one sorted
     * query holds the trail in a database that sorts in memory (the stand-in does, and MongoDB
     * does without the index); a few hundred chains at a time keeps any database's share bounded.
     */
    static final int WALKED_TOGETHER = 200;

    private static final int MAX_ATTEMPTS = 16;
    static final String ENTRY_ID_INDEX = "entryId_unique";

    private final MongoCollection<Document> audit;
    private final AuditKeys keys;
    private final AuditAnchors anchors;
    private final Clock clock;
    /**
     * The last entry this process saw at the end of each chain: a hint, corrected by the insert
     * itself, so forgetting one (the map is bounded) costs a few lookups, never a wrong chain.
     */
    private final Map<String, Head> heads = Caffeine.newBuilder().maximumSize(100_000).<String, Head>build().asMap();

    private record Head(long seq, String hash) {
        static final Head NONE = new Head(0, "");
    }

    /** A trail keyed from the environment ({@link AuditKeys#fromEnvironment()}): for tools outside a service. */
    public AuditTrail(MongoDatabase database) {
        this(database, AuditKeys.fromEnvironment(), TimeSource.systemClock());
    }

    /** A trail whose new entries and anchors are keyed with {@code keys}; anchors are dated by {@code clock}. */
    public AuditTrail(MongoDatabase database, AuditKeys keys, Clock clock) {
        this.audit = database.getCollection("audit");
        this.keys = keys;
        this.anchors = new AuditAnchors(database, keys);
        this.clock = clock;
        // An entry is appended once: the unique index makes that the store's rule, not a query's.
        // The brigade's page of entries, newest first, and verify's walk along each chain are each
        // served by an index in their own order; the chains' heads (heads) are read from the
        // (brigadeId, seq, hash) index's keys alone, without fetching an entry per brigade. Earlier
        // versions had a plain index on entryId, which MongoDB would not let stand beside the unique
        // one, one on (brigadeId, seq descending), which matched neither order, and one on
        // (brigadeId, seq), which the heads' index serves in its place.
        MongoIndexes.declare(audit, List.of(
                new IndexModel(Indexes.ascending("entryId"), new IndexOptions().unique(true).name(ENTRY_ID_INDEX)),
                new IndexModel(Indexes.ascending("brigadeId", "seq", "hash")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("brigadeId"), Indexes.descending("at", "entryId")))),
                "entryId_1", "brigadeId_1_seq_-1", "brigadeId_1_seq_1");
    }

    /**
     * Appends an entry (in the shape of {@link AuditCodec#document}) to its brigade's chain.
     * Idempotent: an entry already in the trail (say, relayed again from an outbox after a crash) is
     * not appended twice.
     * <p>
     * Every read here is a lookup by a unique key ({@code _id} or {@code entryId}), never a search
     * or a sort over the trail, so appending costs the same with a hundred entries or a million, on
     * a store with secondary indexes or without them (the embedded one has none but unique ones).
     */
    public void append(Document entry) {
        String entryId = entry.getString("_id");
        String brigadeId = entry.getString("brigadeId");
        Head head = heads.computeIfAbsent(brigadeId, b -> headAfter(b, Head.NONE));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document stored = chained(entry, head);
            if (MongoWrites.insertIfAbsent(audit, stored)) {
                heads.put(brigadeId, new Head(head.seq() + 1, stored.getString("hash")));
                return;
            }
            if (audit.find(eq("entryId", entryId)).first() != null) {
                return;
            }
            // another writer (or process) took this place in the chain: find the new end
            head = headAfter(brigadeId, head);
            heads.put(brigadeId, head);
        }
        throw new IllegalStateException("the audit chain of brigade '" + brigadeId + "' is too busy to append to");
    }

    /**
     * Appends many entries at once, as an import relays one per brigade: entries of brigades that
     * appear once in the list are chained from their known ends and inserted in one write; the
     * others, and any that lost their place to another writer meanwhile, go one by one through
     * {@link #append(Document)}. The result is the same chains as appending each in turn.
     */
    public void appendAll(List<Document> entries) {
        Map<String, Long> perBrigade = new java.util.HashMap<>();
        entries.forEach(e -> perBrigade.merge(e.getString("brigadeId"), 1L, Long::sum));
        List<Document> batch = new ArrayList<>();
        List<Document> batchSources = new ArrayList<>();
        List<Document> oneByOne = new ArrayList<>();
        knowNewChains(perBrigade.keySet());
        for (Document entry : entries) {
            String brigadeId = entry.getString("brigadeId");
            if (perBrigade.get(brigadeId) > 1) {
                oneByOne.add(entry);
                continue;
            }
            Head head = heads.computeIfAbsent(brigadeId, b -> headAfter(b, Head.NONE));
            batch.add(chained(entry, head));
            batchSources.add(entry);
        }
        if (!batch.isEmpty()) {
            java.util.Set<Integer> failed = new java.util.HashSet<>();
            try {
                audit.insertMany(batch, new com.mongodb.client.model.InsertManyOptions().ordered(false));
            } catch (com.mongodb.MongoBulkWriteException e) {
                e.getWriteErrors().forEach(error -> failed.add(error.getIndex()));
            }
            for (int i = 0; i < batch.size(); i++) {
                Document stored = batch.get(i);
                if (failed.contains(i)) {
                    heads.remove(stored.getString("brigadeId"));
                    oneByOne.add(batchSources.get(i));
                } else {
                    heads.put(stored.getString("brigadeId"), new Head(stored.getLong("seq"), stored.getString("hash")));
                }
            }
        }
        oneByOne.forEach(this::append);
    }

    /**
     * Brigades without a single entry yet start their chains at the beginning: one query finds
     * which of the unknown chains have a first entry, instead of a lookup per brigade (an import of
     * 4,000 new brigades made 4,000).
     */
    private void knowNewChains(Set<String> brigadeIds) {
        List<String> firsts = brigadeIds.stream().filter(b -> !heads.containsKey(b)).map(b -> b + "#1").toList();
        if (firsts.isEmpty()) {
            return;
        }
        Set<String> started = new HashSet<>();
        audit.find(in("_id", firsts)).projection(new Document("_id", 1)).batchSize(5_000)
                .forEach(d -> started.add(d.getString("_id")));
        firsts.stream().filter(first -> !started.contains(first))
                .forEach(first -> heads.putIfAbsent(first.substring(0, first.length() - 2), Head.NONE));
    }

    /**
     * The entry as the next of its chain, in format 2: hash and MAC over the canonical bytes of the
     * document as the driver will store it (converted with the collection's own codecs first, so
     * that what is hashed is what is read back).
     */
    private Document chained(Document entry, Head head) {
        Document stored = new Document(entry);
        stored.put("_id", entry.getString("brigadeId") + "#" + (head.seq() + 1));
        stored.append("entryId", entry.getString("_id")).append("seq", head.seq() + 1).append("prevHash", head.hash())
                .append("format", AuditCanonical.V2).append("keyId", keys.currentId());
        byte[] canonical = AuditCanonical.entry(stored.toBsonDocument(BsonDocument.class, audit.getCodecRegistry()));
        stored.append("hash", AuditChain.sha256(canonical)).append("mac", keys.mac(canonical));
        return stored;
    }

    /**
     * The end of a chain, found from a known entry by point lookups: seq numbers have no gaps, so
     * probing 1, 2, 4, 8… entries on and then halving the last step needs O(log n) lookups.
     */
    private Head headAfter(String brigadeId, Head known) {
        long present = known.seq();
        long step = 1;
        while (exists(brigadeId, present + step)) {
            present += step;
            step *= 2;
        }
        long absent = present + step;
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (exists(brigadeId, middle)) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        if (present == known.seq()) {
            return known;
        }
        return new Head(present, audit.find(eq("_id", brigadeId + "#" + present)).first().getString("hash"));
    }

    private boolean exists(String brigadeId, long seq) {
        return audit.find(eq("_id", brigadeId + "#" + seq)).projection(new Document("_id", 1)).first() != null;
    }

    public void append(AuditEntry entry) {
        append(AuditCodec.document(entry));
    }

    /** Entries of one brigade, newest first, strictly before the given position (null: from the newest). */
    @Override
    public List<AuditEntry> list(String brigadeId, Instant beforeAt, String beforeId, int limit) {
        Bson filter = eq("brigadeId", brigadeId);
        if (beforeAt != null && beforeId != null) {
            Date at = Date.from(beforeAt);
            filter = and(filter, or(lt("at", at), and(eq("at", at), lt("entryId", beforeId))));
        }
        List<AuditEntry> entries = new ArrayList<>();
        audit.find(filter).sort(Sorts.descending("at", "entryId")).limit(limit)
                .forEach(d -> entries.add(AuditCodec.entry(d)));
        return entries;
    }

    /** Re-checks every chain from its first entry and against the stored anchors; names the first fault, if any. */
    @Override
    public AuditLog.Verification verify() {
        return verify(List.of());
    }

    /**
     * As {@link #verify()}, and against anchors the caller kept. An anchor this service did not sign
     * is refused (the caller's input, not the trail, is wrong); a stored one is a fault of the trail.
     */
    @Override
    public AuditLog.Verification verify(List<AuditLog.Anchor> supplied) {
        for (AuditLog.Anchor a : supplied) {
            if (!anchors.holds(a)) {
                throw new ValidationException("anchor", "the anchor of brigade '" + a.brigadeId() + "' at entry "
                        + a.seq() + " was not signed by this service's audit key");
            }
        }
        AuditAnchors.Stored stored = anchors.load();
        List<AuditLog.Anchor> all = new ArrayList<>(stored.latest().values());
        all.addAll(supplied);
        AuditLog.Verification v = walk(AuditChain.byBrigade(all), head -> {
        });
        if (v.verified() && !stored.forged().isEmpty()) {
            AuditLog.Anchor f = stored.forged().get(0);
            return new AuditLog.Verification(v.entries(), v.chains(), new AuditLog.Broken(f.brigadeId(), f.seq(), null,
                    "an anchor in the store was not signed with this service's key", AuditLog.Fault.WRONG_KEY));
        }
        return v;
    }

    private AuditLog.Verification walk(Map<String, List<AuditLog.Anchor>> anchored, Consumer<AuditChain.Head> heads) {
        DocumentCodec codec = new DocumentCodec(audit.getCodecRegistry());
        AuditChain.Checker checker = new AuditChain.Checker(keys,
                bson -> codec.decode(new BsonDocumentReader(bson), DecoderContext.builder().build()), anchored, heads);
        List<String> brigades = new ArrayList<>();
        audit.distinct("brigadeId", String.class).forEach(brigades::add);
        Collections.sort(brigades);
        for (int from = 0; from < brigades.size(); from += WALKED_TOGETHER) {
            audit.withDocumentClass(BsonDocument.class)
                    .find(in("brigadeId", brigades.subList(from, Math.min(brigades.size(), from + WALKED_TOGETHER))))
                    .sort(Sorts.ascending("brigadeId", "seq")).batchSize(1000).forEach(checker::accept);
        }
        return checker.result();
    }

    /**
     * The day's anchors: every chain is checked (format-1 entries as format 1) and each one that
     * verifies and has grown since its last anchor gets a signed head, stored once per business
     * day. Chains that do not verify are not anchored: an anchor never vouches for a tampered chain.
     * Run at start (which anchors the unkeyed chains of a store from before format 2: the migration)
     * and then periodically; idempotent per day, and safe with several replicas doing it at once
     * (the anchor ids are per brigade and day, so the second writer's insert is a no-op).
     *
     * @return how many anchors this run wrote (0: the day was done already)
     */
    public int anchorDay(LocalDate day) {
        if (anchors.dayDone(day)) {
            return 0;
        }
        Map<String, AuditLog.Anchor> latest = anchors.load().latest();
        Instant at = clock.instant();
        int[] written = { 0 };
        walk(AuditChain.byBrigade(new ArrayList<>(latest.values())), head -> {
            AuditLog.Anchor last = latest.get(head.brigadeId());
            if ((last == null || last.seq() < head.seq())
                    && anchors.store(anchors.sign(head.brigadeId(), head.seq(), head.hash(), at), day)) {
                written[0]++;
            }
        });
        anchors.markDay(day, at, written[0]);
        return written[0];
    }

    /**
     * The current heads of the brigades' chains, signed now, for a report to print. One aggregation
     * per call: the entries of the brigades in (brigade, seq) descending order and the first of each
     * brigade, which MongoDB answers from the {@code {brigadeId: 1, seq: 1, hash: 1}} index read
     * backwards, one index entry per brigade and no entry fetched (a covered {@code DISTINCT_SCAN}).
     * Probing the next place of every chain
     * ({@link #headAfter}) made one to five lookups per brigade, 470,000 for a 40,000-brigade report.
     * A brigade without entries has the empty head (seq 0).
     */
    @Override
    public List<AuditLog.Anchor> heads(Collection<String> brigadeIds) {
        Map<String, Head> found = new HashMap<>();
        audit.aggregate(List.of(
                Aggregates.match(in("brigadeId", brigadeIds)),
                Aggregates.sort(Sorts.descending("brigadeId", "seq")),
                Aggregates.group("$brigadeId", Accumulators.first("seq", "$seq"), Accumulators.first("hash", "$hash"))))
                .batchSize(WALKED_TOGETHER)
                .forEach(d -> found.put(d.getString("_id"), new Head(((Number) d.get("seq")).longValue(), d.getString("hash"))));
        Instant at = clock.instant();
        List<AuditLog.Anchor> out = new ArrayList<>(brigadeIds.size());
        for (String brigadeId : brigadeIds) {
            Head head = found.getOrDefault(brigadeId, Head.NONE);
            heads.merge(brigadeId, head, (known, now) -> known.seq() > now.seq() ? known : now);
            out.add(anchors.sign(brigadeId, head.seq(), head.hash(), at));
        }
        return out;
    }
}
