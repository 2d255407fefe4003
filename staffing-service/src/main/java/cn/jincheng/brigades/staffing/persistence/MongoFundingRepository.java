package cn.jincheng.brigades.staffing.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.MongoIndexes;
import cn.jincheng.brigades.common.persistence.RecordsByBrigade;
import cn.jincheng.brigades.staffing.domain.funding.Funding;
import cn.jincheng.brigades.staffing.domain.funding.FundingRepository;
import cn.jincheng.brigades.staffing.domain.funding.FundingSource;

/**
 * Funding, one document per brigade, year and source (that triple is its id), indexed by brigade.
 * A change carries its audit entry in the same write ({@link AuditOutbox}).
 */
@Repository
class MongoFundingRepository implements FundingRepository {

    private final MongoCollection<Document> funding;
    private final AuditOutbox outbox;

    MongoFundingRepository(MongoDatabase database, AuditOutbox outbox) {
        this.funding = database.getCollection("funding");
        this.outbox = outbox;
        MongoIndexes.declare(funding, List.of(new IndexModel(Indexes.ascending("brigadeId", "year", "source"))),
                "brigadeId_1");
        outbox.relayLeftovers(funding);
    }

    @Override
    public List<Funding> ofBrigade(String brigadeId) {
        List<Funding> result = new ArrayList<>();
        funding.find(eq("brigadeId", brigadeId)).sort(Sorts.ascending("year", "source"))
                .forEach(d -> result.add(funding(d)));
        return result;
    }

    /** By the brigadeId index. */
    @Override
    public Map<String, List<Funding>> ofBrigades(Collection<String> brigadeIds) {
        return RecordsByBrigade.read(funding, brigadeIds, null, MongoFundingRepository::funding);
    }

    /** An upsert on the id: putting the same amount again changes nothing but the audit trail. */
    @Override
    public void put(Funding f, AuditEntry audit) {
        String id = f.brigadeId() + "|" + f.year() + "|" + f.source().name();
        funding.updateOne(eq("_id", id), Updates.combine(Updates.set("brigadeId", f.brigadeId()),
                Updates.set("countyId", f.countyId()), Updates.set("year", f.year()),
                Updates.set("source", f.source().name()), Updates.set("amountYuan", f.amountYuan()),
                Updates.set("updatedBy", f.updatedBy()), Updates.set("updatedAt", Date.from(f.updatedAt())),
                AuditOutbox.carrying(audit)), new UpdateOptions().upsert(true));
        outbox.relay(funding, id, audit);
    }

    private static Funding funding(Document d) {
        return new Funding(d.getString("brigadeId"), d.getString("countyId"), d.getInteger("year"),
                FundingSource.valueOf(d.getString("source")), ((Number) d.get("amountYuan")).longValue(),
                d.getString("updatedBy"), d.getDate("updatedAt").toInstant());
    }
}
