package cn.jincheng.brigades.staffing.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.ImportJournal;
import cn.jincheng.brigades.common.persistence.MongoIndexes;
import cn.jincheng.brigades.common.persistence.RecordsByBrigade;
import cn.jincheng.brigades.staffing.domain.roster.Firefighter;
import cn.jincheng.brigades.staffing.domain.roster.RosterRepository;

/**
 * Firefighters, one document each, indexed by brigade. A change carries its audit entry in the same
 * write ({@link AuditOutbox}); an import goes through the {@link ImportJournal}, all or none.
 */
@Repository
class MongoRosterRepository implements RosterRepository {

    static final String FIREFIGHTERS = "firefighters";

    private final MongoCollection<Document> firefighters;
    private final AuditOutbox outbox;
    private final ImportJournal journal;

    MongoRosterRepository(MongoDatabase database, AuditOutbox outbox, ImportJournal journal) {
        this.firefighters = database.getCollection(FIREFIGHTERS);
        this.outbox = outbox;
        this.journal = journal;
        MongoIndexes.declare(firefighters, List.of(new IndexModel(Indexes.ascending("brigadeId", "startDate", "_id"))),
                "brigadeId_1");
        outbox.relayLeftovers(firefighters);
    }

    @Override
    public List<Firefighter> roster(String brigadeId) {
        List<Firefighter> result = new ArrayList<>();
        firefighters.find(eq("brigadeId", brigadeId)).sort(Sorts.ascending("startDate", "_id"))
                .forEach(d -> result.add(FirefighterCodec.firefighter(d)));
        return result;
    }

    /** By the brigadeId index. */
    @Override
    public Map<String, List<Firefighter>> rosters(Collection<String> brigadeIds) {
        return RecordsByBrigade.read(firefighters, brigadeIds, null, FirefighterCodec::firefighter);
    }

    @Override
    public Optional<Firefighter> find(String brigadeId, String firefighterId) {
        return Optional.ofNullable(firefighters.find(and(eq("_id", firefighterId), eq("brigadeId", brigadeId))).first())
                .map(FirefighterCodec::firefighter);
    }

    @Override
    public void insert(Firefighter f, AuditEntry audit) {
        firefighters.insertOne(AuditOutbox.carrying(FirefighterCodec.document(f), audit));
        outbox.relay(firefighters, f.id(), audit);
    }

    @Override
    public boolean recordDeparture(Firefighter f, LocalDate endDate, AuditEntry audit) {
        boolean changed = firefighters.updateOne(and(eq("_id", f.id()), eq("endDate", null)),
                Updates.combine(Updates.set("endDate", endDate.toString()), AuditOutbox.carrying(audit)))
                .getModifiedCount() == 1;
        if (changed) {
            outbox.relay(firefighters, f.id(), audit);
        }
        return changed;
    }

    @Override
    public String importAll(String actor, List<Firefighter> added, List<AuditEntry> entries, Instant at) {
        ImportJournal.Batch batch = new ImportJournal.Batch();
        added.forEach(f -> batch.add(FIREFIGHTERS, FirefighterCodec.document(f)));
        batch.audit(entries);
        return journal.store(FIREFIGHTERS, actor, batch, at);
    }
}
