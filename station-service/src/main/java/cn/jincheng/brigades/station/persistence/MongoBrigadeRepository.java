package cn.jincheng.brigades.station.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.ImportJournal;
import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeQuery;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.StoredBrigade;

/**
 * Brigades in MongoDB, one document each with its milestones. A change and its audit entry are
 * one single-document write: the entry goes into the document's outbox in the same update, then
 * moves to the audit collection. A crash between the two leaves it in the outbox, from where
 * {@link #relayOutboxes()} moves it at the next start, so no change is ever without its entry.
 * A single-document write is atomic on MongoDB without a transaction.
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

    /** Answered from the _id index alone on MongoDB (a covered query), streamed in batches. */
    @Override
    public Set<String> existingIds(Collection<String> ids) {
        Set<String> existing = new HashSet<>();
        brigades.find(in(BrigadeCodec.ID, ids)).projection(Projections.include(BrigadeCodec.ID)).batchSize(5_000)
                .forEach(d -> existing.add(d.getString(BrigadeCodec.ID)));
        return existing;
    }

    /** Every brigade (of a county) in id order: one query on the {countyId, _id} index (or _id), its cursor streamed. */
    @Override
    public void forEach(String countyId, Consumer<Brigade> consumer) {
        Bson filter = countyId == null ? new Document() : eq(BrigadeCodec.COUNTY, countyId);
        brigades.find(filter).projection(Projections.exclude(BrigadeCodec.OUTBOX)).sort(Sorts.ascending(BrigadeCodec.ID))
                .batchSize(STREAM_BATCH).forEach(d -> consumer.accept(BrigadeCodec.brigade(d)));
    }

    static final int STREAM_BATCH = 500;

    @Override
    public int countInCounty(String countyId) {
        return (int) brigades.countDocuments(eq(BrigadeCodec.COUNTY, countyId));
    }

    @Override
    public long count() {
        return brigades.countDocuments();
    }

    @Override
    public void forEachCounty(BiConsumer<String, String> brigadeAndCounty) {
        brigades.find().projection(Projections.include(BrigadeCodec.ID, BrigadeCodec.COUNTY)).batchSize(5_000)
                .forEach(d -> brigadeAndCounty.accept(d.getString(BrigadeCodec.ID), d.getString(BrigadeCodec.COUNTY)));
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

    /**
     * Gives a brigade stored before brigades carried their payer the one its seed names; a payer
     * already stored is never changed. @return whether the brigade got it
     */
    boolean fillFundingPayer(String brigadeId, String payer) {
        return brigades.updateOne(and(eq(BrigadeCodec.ID, brigadeId), Filters.exists(BrigadeCodec.FUNDING_PAYER, false)),
                Updates.set(BrigadeCodec.FUNDING_PAYER, payer)).getModifiedCount() > 0;
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
