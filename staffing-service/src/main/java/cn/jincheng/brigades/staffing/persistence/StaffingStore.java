package cn.jincheng.brigades.staffing.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import cn.jincheng.brigades.common.persistence.RecordsByBrigade;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.persistence.audit.AuditOutbox;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.staffing.funding.Funding;
import cn.jincheng.brigades.staffing.funding.FundingSource;
import cn.jincheng.brigades.staffing.roster.Certification;
import cn.jincheng.brigades.staffing.roster.Employment;
import cn.jincheng.brigades.staffing.roster.Firefighter;

/**
 * Firefighters and funding, one document each, indexed by brigade. Every change carries its audit
 * entry in the same write ({@link AuditOutbox}).
 */
@Repository
public class StaffingStore {

    public static final String FIREFIGHTERS = "firefighters";

    private final MongoCollection<Document> firefighters;
    private final MongoCollection<Document> funding;

    private final AuditOutbox outbox;

    StaffingStore(MongoDatabase database, AuditOutbox outbox) {
        this.firefighters = database.getCollection(FIREFIGHTERS);
        this.funding = database.getCollection("funding");
        this.outbox = outbox;
        firefighters.createIndex(Indexes.ascending("brigadeId"));
        funding.createIndex(Indexes.ascending("brigadeId"));
        outbox.relayLeftovers(firefighters);
        outbox.relayLeftovers(funding);
    }

    public List<Firefighter> roster(String brigadeId) {
        List<Firefighter> result = new ArrayList<>();
        firefighters.find(eq("brigadeId", brigadeId)).sort(Sorts.ascending("startDate", "_id"))
                .forEach(d -> result.add(firefighter(d)));
        return result;
    }

    public Optional<Firefighter> firefighter(String brigadeId, String id) {
        return Optional.ofNullable(firefighters.find(and(eq("_id", id), eq("brigadeId", brigadeId))).first())
                .map(StaffingStore::firefighter);
    }

    public void insert(Firefighter f, AuditEntry audit) {
        firefighters.insertOne(AuditOutbox.carrying(document(f), audit));
        outbox.relay(firefighters, f.id(), audit);
    }

    /** Sets the end date only if none is set yet. @return false when the firefighter had already left */
    public boolean recordDeparture(Firefighter f, LocalDate endDate, AuditEntry audit) {
        boolean changed = firefighters.updateOne(and(eq("_id", f.id()), eq("endDate", null)),
                Updates.combine(Updates.set("endDate", endDate.toString()), AuditOutbox.carrying(audit)))
                .getModifiedCount() == 1;
        if (changed) {
            outbox.relay(firefighters, f.id(), audit);
        }
        return changed;
    }

    /** Idempotent: one document per brigade, year and source. */
    public void put(Funding f, AuditEntry audit) {
        String id = f.brigadeId() + "|" + f.year() + "|" + f.source().name();
        funding.updateOne(eq("_id", id), Updates.combine(Updates.set("brigadeId", f.brigadeId()),
                Updates.set("countyId", f.countyId()), Updates.set("year", f.year()),
                Updates.set("source", f.source().name()), Updates.set("amountYuan", f.amountYuan()),
                Updates.set("updatedBy", f.updatedBy()), Updates.set("updatedAt", Date.from(f.updatedAt())),
                AuditOutbox.carrying(audit)), new UpdateOptions().upsert(true));
        outbox.relay(funding, id, audit);
    }

    public List<Funding> funding(String brigadeId) {
        List<Funding> result = new ArrayList<>();
        funding.find(eq("brigadeId", brigadeId)).sort(Sorts.ascending("year", "source")).forEach(d -> result.add(funding(d)));
        return result;
    }

    /** Rosters of many brigades, by the brigadeId index. */
    public Map<String, List<Firefighter>> rosters(Collection<String> brigadeIds) {
        return RecordsByBrigade.read(firefighters, brigadeIds, null, StaffingStore::firefighter);
    }

    /** Funding of many brigades, by the brigadeId index. */
    public Map<String, List<Funding>> funding(Collection<String> brigadeIds) {
        return RecordsByBrigade.read(funding, brigadeIds, null, StaffingStore::funding);
    }

    /** A firefighter as stored (for bulk imports, which store through the import journal). */
    public static Document document(Firefighter f) {
        return new Document("_id", f.id()).append("brigadeId", f.brigadeId()).append("countyId", f.countyId())
                .append("name", f.name()).append("employment", f.employment().name())
                .append("startDate", f.startDate().toString())
                .append("endDate", f.endDate() == null ? null : f.endDate().toString())
                .append("certifications", f.certifications().stream().map(c -> new Document("name", c.name())
                        .append("expiresOn", c.expiresOn() == null ? null : c.expiresOn().toString())).toList());
    }

    private static Firefighter firefighter(Document d) {
        String end = d.getString("endDate");
        return new Firefighter(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"), d.getString("name"),
                Employment.valueOf(d.getString("employment")), LocalDate.parse(d.getString("startDate")),
                end == null ? null : LocalDate.parse(end),
                d.getList("certifications", Document.class, List.of()).stream().map(c -> new Certification(
                        c.getString("name"), c.getString("expiresOn") == null ? null : LocalDate.parse(c.getString("expiresOn"))))
                        .toList());
    }

    private static Funding funding(Document d) {
        return new Funding(d.getString("brigadeId"), d.getString("countyId"), d.getInteger("year"),
                FundingSource.valueOf(d.getString("source")), ((Number) d.get("amountYuan")).longValue(),
                d.getString("updatedBy"), d.getDate("updatedAt").toInstant());
    }
}
