package cn.jincheng.brigades.station.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import cn.jincheng.brigades.common.persistence.audit.AuditOutbox;
import cn.jincheng.brigades.common.persistence.ImportJournal;
import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeQuery;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.StoredBrigade;

/**
 * Brigades in MongoDB, one document each with its milestones. A change and its audit entry are
 * one single-document write: the entry goes into the document's outbox in the same update, then
 * moves to the audit collection. A crash between the two leaves it in the outbox, from where
 * {@link #relayOutboxes()} moves it at the next start, so no change is ever without its entry.
 * (Multi-document transactions are not available on the embedded store; this works on both.)
 */
@Repository
class MongoBrigadeRepository implements BrigadeRepository {

    private static final Logger log = LoggerFactory.getLogger(MongoBrigadeRepository.class);

    private static final String COLLECTION = "brigades";

    private final MongoCollection<Document> brigades;
    private final AuditOutbox outbox;
    private final ImportJournal journal;

    MongoBrigadeRepository(MongoDatabase database, AuditOutbox outbox, ImportJournal journal) {
        this.brigades = database.getCollection(COLLECTION);
        this.outbox = outbox;
        this.journal = journal;
        brigades.createIndex(Indexes.ascending(BrigadeCodec.COUNTY, BrigadeCodec.ID));
    }

    @Override
    public Optional<StoredBrigade> find(String id) {
        Document d = brigades.find(eq(BrigadeCodec.ID, id)).first();
        return Optional.ofNullable(d).map(doc -> new StoredBrigade(BrigadeCodec.brigade(doc), BrigadeCodec.revision(doc)));
    }

    @Override
    public List<Brigade> find(BrigadeQuery query, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (query.countyId() != null) {
            filters.add(eq(BrigadeCodec.COUNTY, query.countyId()));
        }
        if (query.level() != null) {
            filters.add(eq(BrigadeCodec.LEVEL, query.level().name()));
        }
        if (query.mode() != null) {
            filters.add(eq(BrigadeCodec.MODE, query.mode().name()));
        }
        if (query.afterId() != null) {
            filters.add(gt(BrigadeCodec.ID, query.afterId()));
        }
        List<Brigade> result = new ArrayList<>();
        brigades.find(filters.isEmpty() ? new Document() : and(filters))
                .projection(Projections.exclude(BrigadeCodec.OUTBOX))
                .sort(Sorts.ascending(BrigadeCodec.ID)).limit(limit)
                .forEach(d -> result.add(BrigadeCodec.brigade(d)));
        return result;
    }

    @Override
    public List<Brigade> findAll(Collection<String> ids) {
        List<Brigade> result = new ArrayList<>();
        brigades.find(in(BrigadeCodec.ID, ids)).projection(Projections.exclude(BrigadeCodec.OUTBOX))
                .sort(Sorts.ascending(BrigadeCodec.ID)).forEach(d -> result.add(BrigadeCodec.brigade(d)));
        return result;
    }

    /**
     * Every brigade (of a county) in id order, read as the ids first and then the brigades by id,
     * {@value #FOR_EACH_BATCH} at a time. One sorted query would be simpler, but a store that sorts
     * in memory (the embedded one) holds every matching brigade at once to sort them: at 40,000
     * brigades that ran station-service out of heap. The ids alone are a few megabytes.
     */
    @Override
    public void forEach(String countyId, Consumer<Brigade> consumer) {
        Bson filter = countyId == null ? new Document() : eq(BrigadeCodec.COUNTY, countyId);
        List<String> ids = new ArrayList<>();
        brigades.find(filter).projection(Projections.include(BrigadeCodec.ID)).forEach(d -> ids.add(d.getString(BrigadeCodec.ID)));
        java.util.Collections.sort(ids);
        for (int from = 0; from < ids.size(); from += FOR_EACH_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + FOR_EACH_BATCH));
            Map<String, Brigade> found = new HashMap<>();
            brigades.find(in(BrigadeCodec.ID, batch)).projection(Projections.exclude(BrigadeCodec.OUTBOX))
                    .forEach(d -> found.put(d.getString(BrigadeCodec.ID), BrigadeCodec.brigade(d)));
            batch.stream().map(found::get).filter(java.util.Objects::nonNull).forEach(consumer);
        }
    }

    static final int FOR_EACH_BATCH = 500;

    /**
     * The ids of the county's brigades, read through the {countyId, _id} index (covered on MongoDB)
     * and counted. Not countDocuments or a $group over the collection: the embedded store runs
     * those over every brigade document, which at 40,000 brigades took longer than the deadline.
     */
    @Override
    public int countInCounty(String countyId) {
        int count = 0;
        for (Document ignored : brigades.find(eq(BrigadeCodec.COUNTY, countyId)).projection(Projections.include(BrigadeCodec.ID))) {
            count++;
        }
        return count;
    }

    @Override
    public boolean replace(StoredBrigade before, Brigade after, AuditEntry audit) {
        List<Bson> sets = new ArrayList<>();
        BrigadeCodec.fields(after).forEach((k, v) -> sets.add(Updates.set(k, v)));
        sets.add(Updates.inc(BrigadeCodec.REVISION, 1L));
        sets.add(AuditOutbox.carrying(audit));
        UpdateResult result = brigades.updateOne(
                and(eq(BrigadeCodec.ID, before.brigade().id()), eq(BrigadeCodec.REVISION, before.revision())),
                Updates.combine(sets));
        if (result.getModifiedCount() == 0) {
            return false;
        }
        outbox.relay(brigades, before.brigade().id(), audit);
        return true;
    }

    @Override
    public String importAll(String actor, List<Brigade> imported, List<AuditEntry> entries, java.time.Instant at) {
        ImportJournal.Batch batch = new ImportJournal.Batch();
        imported.forEach(b -> batch.add(COLLECTION, BrigadeCodec.newDocument(b)));
        entries.forEach(batch::audit);
        return journal.store("brigades", actor, batch, at);
    }

    @Override
    public boolean insertIfAbsent(Brigade brigade) {
        return MongoWrites.insertIfAbsent(brigades, BrigadeCodec.newDocument(brigade));
    }

    /** Moves audit entries left in outboxes by a crash to the audit collection. */
    int relayOutboxes() {
        int moved = outbox.relayLeftovers(brigades);
        if (moved > 0) {
            log.info("Moved {} audit entries left in brigade outboxes to the audit trail", moved);
        }
        return moved;
    }
}
