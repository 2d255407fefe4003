package cn.jincheng.brigades.equipment.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.MongoIndexes;
import cn.jincheng.brigades.equipment.domain.inventory.Drill;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.FireDepartmentRecordRepository;

/** Equipment checks and drills, one document each, indexed by brigade; each written with its audit entry ({@link AuditOutbox}). */
@Repository
class MongoFireDepartmentRecordRepository implements FireDepartmentRecordRepository {

    private final MongoCollection<Document> checks;
    private final MongoCollection<Document> drills;
    private final AuditOutbox outbox;

    MongoFireDepartmentRecordRepository(MongoDatabase database, AuditOutbox outbox) {
        this.outbox = outbox;
        this.checks = database.getCollection(InventoryCodec.CHECKS);
        this.drills = database.getCollection(InventoryCodec.DRILLS);
        for (MongoCollection<Document> c : List.of(checks, drills)) {
            MongoIndexes.declare(c, List.of(new IndexModel(Indexes.compoundIndex(Indexes.ascending("brigadeId"),
                    Indexes.descending("date", "recordedAt")))), "brigadeId_1");
        }
        for (MongoCollection<Document> c : List.of(checks, drills)) {
            outbox.relayLeftovers(c);
        }
    }

    @Override
    public void insert(EquipmentCheck c, AuditEntry audit) {
        checks.insertOne(AuditOutbox.carrying(InventoryCodec.document(c), audit));
        outbox.relay(checks, c.id(), audit);
    }

    @Override
    public List<EquipmentCheck> checks(String brigadeId) {
        List<EquipmentCheck> result = new ArrayList<>();
        checks.find(eq("brigadeId", brigadeId)).sort(Sorts.descending("date", "recordedAt"))
                .forEach(d -> result.add(InventoryCodec.check(d)));
        return result;
    }

    @Override
    public void insert(Drill d, AuditEntry audit) {
        drills.insertOne(AuditOutbox.carrying(InventoryCodec.document(d), audit));
        outbox.relay(drills, d.id(), audit);
    }

    @Override
    public List<Drill> drills(String brigadeId) {
        List<Drill> result = new ArrayList<>();
        drills.find(eq("brigadeId", brigadeId)).sort(Sorts.descending("date", "recordedAt"))
                .forEach(d -> result.add(InventoryCodec.drill(d)));
        return result;
    }
}
