package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditLog;


/**
 * A service's audit trail: append-only, and tamper-evident. The entries of each brigade form a
 * chain: entry n carries {@code seq} n, the hash of entry n−1 and a SHA-256 hash over its own
 * content and that previous hash. The stored id is {@code <brigade>#<seq>}, so appending is itself
 * the compare-and-set: two writers cannot both become entry n, and a chain never forks. Editing,
 * removing or reordering an entry in the store breaks the chain at that entry, which
 * {@link #verify()} names. Every service keeps the entries of its own changes; the gateway merges.
 */
public class AuditTrail implements AuditLog {

    private static final int MAX_ATTEMPTS = 16;
    static final String ENTRY_ID_INDEX = "entryId_unique";

    private final MongoCollection<Document> audit;
    /**
     * The last entry this process saw at the end of each chain: a hint, corrected by the insert
     * itself, so forgetting one (the map is bounded) costs a few lookups, never a wrong chain.
     */
    private final Map<String, Head> heads = Caffeine.newBuilder().maximumSize(100_000).<String, Head>build().asMap();

    private record Head(long seq, String hash) {
        static final Head NONE = new Head(0, "");
    }

    public AuditTrail(MongoDatabase database) {
        this.audit = database.getCollection("audit");
        // An entry is appended once: the unique index makes that the store's rule, not a query's.
        // The brigade's page of entries, newest first, and verify's walk along each chain are each
        // served by an index in their own order. Earlier versions had a plain index on entryId,
        // which MongoDB would not let stand beside the unique one, and one on (brigadeId, seq
        // descending), which matched neither order.
        MongoIndexes.declare(audit, List.of(
                new IndexModel(Indexes.ascending("entryId"), new IndexOptions().unique(true).name(ENTRY_ID_INDEX)),
                new IndexModel(Indexes.ascending("brigadeId", "seq")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending("brigadeId"), Indexes.descending("at", "entryId")))),
                "entryId_1", "brigadeId_1_seq_-1");
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

    private static Document chained(Document entry, Head head) {
        Document stored = new Document(entry);
        stored.put("_id", entry.getString("brigadeId") + "#" + (head.seq() + 1));
        stored.append("entryId", entry.getString("_id")).append("seq", head.seq() + 1).append("prevHash", head.hash());
        stored.append("hash", AuditChain.hash(stored));
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

    /** Re-checks every chain from its first entry; names the first broken entry, if any. */
    @Override
    public AuditLog.Verification verify() {
        AuditChain.Checker checker = new AuditChain.Checker();
        audit.find().sort(Sorts.ascending("brigadeId", "seq")).batchSize(1000).forEach(checker::accept);
        return checker.result();
    }
}
