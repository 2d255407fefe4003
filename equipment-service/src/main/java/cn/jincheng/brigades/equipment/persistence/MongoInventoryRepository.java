package cn.jincheng.brigades.equipment.persistence;

import static cn.jincheng.brigades.equipment.persistence.InventoryCodec.PRESENT;
import static cn.jincheng.brigades.equipment.persistence.InventoryCodec.REMOVED;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.errors.FieldViolation;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.ImportJournal;
import cn.jincheng.brigades.common.persistence.MongoIndexes;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryRepository;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;

/**
 * Vehicles and equipment holdings, one document each, indexed by brigade. Plates are unique across
 * the city by a unique index, so two clerks cannot register one plate twice. Vehicle changes are
 * conditional on the vehicle's version. Every change carries its audit entry in the same write
 * ({@link AuditOutbox}); a removal is first a tombstone carrying its entry, so that it, too, is
 * never stored without its record. Imports go through the {@link ImportJournal}, all or none.
 */
@Repository
class MongoInventoryRepository implements InventoryRepository {

    private final MongoCollection<Document> vehicles;
    private final MongoCollection<Document> items;
    private final AuditOutbox outbox;
    private final ImportJournal journal;

    MongoInventoryRepository(MongoDatabase database, AuditOutbox outbox, ImportJournal journal) {
        this.outbox = outbox;
        this.journal = journal;
        this.vehicles = database.getCollection(InventoryCodec.VEHICLES);
        this.items = database.getCollection(InventoryCodec.ITEMS);
        // each index serves a query below whole, its sort included (equality, then sort keys)
        // (the sparse index on the tombstone mark finds the few tombstones the sweep below removes)
        MongoIndexes.declare(vehicles, List.of(new IndexModel(Indexes.ascending("plate"), new IndexOptions().unique(true)),
                new IndexModel(Indexes.ascending("brigadeId", "plate")),
                new IndexModel(Indexes.ascending(REMOVED), new IndexOptions().sparse(true))), "brigadeId_1");
        // a brigade's holdings in order by its first three fields; its last two make the report's
        // sums (unexpiredQuantities) a covered aggregation, answered from the index without the documents
        MongoIndexes.declare(items, List.of(new IndexModel(Indexes.ascending("brigadeId", "itemCode", "_id", "expiresOn", "quantity")),
                new IndexModel(Indexes.ascending("countyId"))), "brigadeId_1", "brigadeId_1_itemCode_1__id_1");
        for (MongoCollection<Document> c : List.of(vehicles, items)) {
            outbox.relayLeftovers(c);
        }
        // a tombstone whose entry is now in the chain (relayed above) has done its work
        vehicles.deleteMany(eq(REMOVED, true));
    }

    // --- vehicles -----------------------------------------------------------------------------

    @Override
    public List<Vehicle> vehicles(String brigadeId) {
        List<Vehicle> result = new ArrayList<>();
        vehicles.find(and(eq("brigadeId", brigadeId), PRESENT)).sort(Sorts.ascending("plate"))
                .forEach(d -> result.add(InventoryCodec.vehicle(d)));
        return result;
    }

    @Override
    public Optional<Vehicle> vehicle(String brigadeId, String vehicleId) {
        return Optional.ofNullable(vehicles.find(and(eq("_id", vehicleId), eq("brigadeId", brigadeId), PRESENT)).first())
                .map(InventoryCodec::vehicle);
    }

    @Override
    public void insert(Vehicle v, AuditEntry audit) {
        try {
            vehicles.insertOne(AuditOutbox.carrying(InventoryCodec.document(v), audit));
        } catch (MongoWriteException e) {
            throw duplicatePlate(e, v.plate());
        }
        outbox.relay(vehicles, v.id(), audit);
    }

    @Override
    public boolean replace(Vehicle v, long expectedVersion, AuditEntry audit) {
        boolean changed;
        try {
            changed = vehicles.updateOne(and(eq("_id", v.id()), eq("version", expectedVersion), PRESENT),
                    Updates.combine(Updates.set("type", v.type()), Updates.set("plate", v.plate()),
                            Updates.set("status", v.status().name()), Updates.set("version", v.version()),
                            AuditOutbox.carrying(audit))).getModifiedCount() == 1;
        } catch (MongoWriteException e) {
            throw duplicatePlate(e, v.plate());
        }
        if (changed) {
            outbox.relay(vehicles, v.id(), audit);
        }
        return changed;
    }

    @Override
    public boolean delete(Vehicle v, AuditEntry audit) {
        boolean marked = vehicles.updateOne(and(eq("_id", v.id()), eq("version", v.version()), PRESENT),
                Updates.combine(Updates.set(REMOVED, true), AuditOutbox.carrying(audit))).getModifiedCount() == 1;
        if (marked) {
            outbox.relay(vehicles, v.id(), audit);
            vehicles.deleteOne(and(eq("_id", v.id()), eq(REMOVED, true)));
        }
        return marked;
    }

    @Override
    public Set<String> registeredPlates(Collection<String> plates) {
        Set<String> taken = new HashSet<>();
        vehicles.find(in("plate", plates)).projection(new Document("plate", 1)).forEach(d -> taken.add(d.getString("plate")));
        return taken;
    }

    private static RuntimeException duplicatePlate(MongoWriteException e, String plate) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return new ValidationException(List.of(new FieldViolation("plate",
                    "plate " + plate + " is already registered to another vehicle")));
        }
        return e;
    }

    // --- equipment ----------------------------------------------------------------------------

    @Override
    public List<EquipmentItem> items(String brigadeId) {
        List<EquipmentItem> result = new ArrayList<>();
        items.find(eq("brigadeId", brigadeId)).sort(Sorts.ascending("itemCode", "_id"))
                .forEach(d -> result.add(InventoryCodec.item(d)));
        return result;
    }

    @Override
    public void insert(EquipmentItem i, AuditEntry audit) {
        items.insertOne(AuditOutbox.carrying(InventoryCodec.document(i), audit));
        outbox.relay(items, i.id(), audit);
    }

    // --- imports ------------------------------------------------------------------------------

    @Override
    public String importVehicles(String actor, List<Vehicle> added, List<AuditEntry> entries, Instant at) {
        ImportJournal.Batch batch = new ImportJournal.Batch();
        added.forEach(v -> batch.add(InventoryCodec.VEHICLES, InventoryCodec.document(v)));
        return journal.store("vehicles", actor, batch.audit(entries), at);
    }

    @Override
    public String importItems(String actor, List<EquipmentItem> added, List<AuditEntry> entries, Instant at) {
        ImportJournal.Batch batch = new ImportJournal.Batch();
        added.forEach(i -> batch.add(InventoryCodec.ITEMS, InventoryCodec.document(i)));
        return journal.store("equipment", actor, batch.audit(entries), at);
    }
}
