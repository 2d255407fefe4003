package cn.jincheng.brigades.station.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.MongoIndexes;
import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.station.domain.acceptance.AssessmentGrade;
import cn.jincheng.brigades.station.domain.acceptance.CityOutcome;
import cn.jincheng.brigades.station.domain.acceptance.CountyAcceptance;
import cn.jincheng.brigades.station.domain.acceptance.CountyAcceptanceRepository;

/**
 * The city's per-county acceptance records, one document per (year, county), that pair unique.
 * The first write inserts (a second first write loses on the key), later ones replace if the
 * version is still the one read. A write carries its audit entry in the same document
 * ({@link AuditOutbox}).
 */
@Repository
class MongoCountyAcceptanceRepository implements CountyAcceptanceRepository {

    static final String COLLECTION = "countyAcceptances";

    private final MongoCollection<Document> records;
    private final AuditOutbox outbox;

    MongoCountyAcceptanceRepository(MongoDatabase database, AuditOutbox outbox) {
        this.records = database.getCollection(COLLECTION);
        this.outbox = outbox;
        MongoIndexes.declare(records, List.of(new IndexModel(Indexes.ascending("year", "countyId"),
                new IndexOptions().unique(true).name("year_countyId_unique"))));
        outbox.relayLeftovers(records);
    }

    @Override
    public Optional<CountyAcceptance> find(int year, String countyId) {
        return Optional.ofNullable(records.find(eq("_id", id(year, countyId)))
                .projection(Projections.exclude(AuditOutbox.FIELD)).first()).map(MongoCountyAcceptanceRepository::record);
    }

    @Override
    public List<CountyAcceptance> findYear(int year) {
        List<CountyAcceptance> result = new ArrayList<>();
        records.find(eq("year", year)).projection(Projections.exclude(AuditOutbox.FIELD))
                .sort(Sorts.ascending("countyId")).forEach(d -> result.add(record(d)));
        return result;
    }

    @Override
    public boolean save(CountyAcceptance after, AuditEntry audit) {
        String id = id(after.year(), after.countyId());
        if (after.version() == 1) {
            if (!MongoWrites.insertIfAbsent(records, AuditOutbox.carrying(fields(after).append("_id", id), audit))) {
                return false;
            }
        } else {
            List<org.bson.conversions.Bson> sets = new ArrayList<>();
            fields(after).forEach((k, v) -> sets.add(Updates.set(k, v)));
            sets.add(AuditOutbox.carrying(audit));
            if (records.updateOne(and(eq("_id", id), eq("version", after.version() - 1)), Updates.combine(sets))
                    .getModifiedCount() == 0) {
                return false;
            }
        }
        outbox.relay(records, id, audit);
        return true;
    }

    private static String id(int year, String countyId) {
        return year + "|" + countyId;
    }

    private static Document fields(CountyAcceptance a) {
        return new Document("year", a.year()).append("countyId", a.countyId()).append("summary", a.summary())
                .append("longTermMechanism", a.longTermMechanism()).append("summaryBy", a.summaryBy())
                .append("summaryAt", date(a.summaryAt()))
                .append("outcome", a.outcome() == null ? null : a.outcome().name()).append("outcomeNote", a.outcomeNote())
                .append("outcomeBy", a.outcomeBy()).append("outcomeAt", date(a.outcomeAt()))
                .append("assessmentYear", a.assessmentYear()).append("assessmentScore", a.assessmentScore())
                .append("assessmentGrade", a.assessmentGrade() == null ? null : a.assessmentGrade().name())
                .append("version", a.version());
    }

    private static CountyAcceptance record(Document d) {
        return new CountyAcceptance(d.getInteger("year"), d.getString("countyId"), orEmpty(d.getString("summary")),
                orEmpty(d.getString("longTermMechanism")), d.getString("summaryBy"), instant(d.getDate("summaryAt")),
                d.getString("outcome") == null ? null : CityOutcome.valueOf(d.getString("outcome")),
                orEmpty(d.getString("outcomeNote")), d.getString("outcomeBy"), instant(d.getDate("outcomeAt")),
                d.getInteger("assessmentYear"),
                d.get("assessmentScore") == null ? null : ((Number) d.get("assessmentScore")).doubleValue(),
                d.getString("assessmentGrade") == null ? null : AssessmentGrade.valueOf(d.getString("assessmentGrade")),
                ((Number) d.get("version")).longValue());
    }

    private static Date date(java.time.Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static java.time.Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
