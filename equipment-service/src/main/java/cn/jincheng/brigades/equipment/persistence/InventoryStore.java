package cn.jincheng.brigades.equipment.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.persistence.RecordsByBrigade;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.persistence.audit.AuditOutbox;
import cn.jincheng.brigades.common.domain.errors.FieldViolation;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.equipment.compliance.Inventory;
import cn.jincheng.brigades.equipment.inventory.Drill;
import cn.jincheng.brigades.equipment.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.inventory.Finding;
import cn.jincheng.brigades.equipment.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.inventory.Vehicle;
import cn.jincheng.brigades.equipment.inventory.VehicleStatus;

/**
 * Vehicles, equipment holdings, checks and drills, one document each, indexed by brigade. Plates
 * are unique across the city by a unique index, so two clerks cannot register one plate twice.
 * Vehicle changes are conditional on the vehicle's version. Every change carries its audit entry
 * in the same write ({@link AuditOutbox}); a removal is first a tombstone carrying its entry, so
 * that it, too, is never stored without its record.
 */
@Repository
public class InventoryStore {

    public static final String VEHICLES = "vehicles";
    public static final String ITEMS = "items";

    private final MongoCollection<Document> vehicles;
    private final MongoCollection<Document> items;
    private final MongoCollection<Document> checks;
    private final MongoCollection<Document> drills;

    /** Marks a removed vehicle until its audit entry is in the chain; readers never see it. */
    private static final String REMOVED = "removed";
    private static final Bson PRESENT = ne(REMOVED, true);

    private final AuditOutbox outbox;

    InventoryStore(MongoDatabase database, AuditOutbox outbox) {
        this.outbox = outbox;
        this.vehicles = database.getCollection(VEHICLES);
        this.items = database.getCollection(ITEMS);
        this.checks = database.getCollection("checks");
        this.drills = database.getCollection("drills");
        vehicles.createIndex(Indexes.ascending("plate"), new IndexOptions().unique(true));
        for (MongoCollection<Document> c : List.of(vehicles, items, checks, drills)) {
            c.createIndex(Indexes.ascending("brigadeId"));
        }
        items.createIndex(Indexes.ascending("countyId"));
        for (MongoCollection<Document> c : List.of(vehicles, items, checks, drills)) {
            outbox.relayLeftovers(c);
        }
        vehicles.deleteMany(eq(REMOVED, true));
    }

    // --- vehicles -----------------------------------------------------------------------------

    public List<Vehicle> vehicles(String brigadeId) {
        List<Vehicle> result = new ArrayList<>();
        vehicles.find(and(eq("brigadeId", brigadeId), PRESENT)).sort(Sorts.ascending("plate")).forEach(d -> result.add(vehicle(d)));
        return result;
    }

    public Optional<Vehicle> vehicle(String brigadeId, String vehicleId) {
        return Optional.ofNullable(vehicles.find(and(eq("_id", vehicleId), eq("brigadeId", brigadeId), PRESENT)).first())
                .map(InventoryStore::vehicle);
    }

    /** Inserts, refusing a plate that is already registered. */
    public void insert(Vehicle v, AuditEntry audit) {
        try {
            vehicles.insertOne(AuditOutbox.carrying(document(v), audit));
        } catch (MongoWriteException e) {
            throw duplicatePlate(e, v.plate());
        }
        outbox.relay(vehicles, v.id(), audit);
    }

    /** @return false when the vehicle's version is no longer {@code expectedVersion} */
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

    /** @return false when the vehicle is gone or its version moved on */
    public boolean delete(Vehicle v, AuditEntry audit) {
        boolean marked = vehicles.updateOne(and(eq("_id", v.id()), eq("version", v.version()), PRESENT),
                Updates.combine(Updates.set(REMOVED, true), AuditOutbox.carrying(audit))).getModifiedCount() == 1;
        if (marked) {
            outbox.relay(vehicles, v.id(), audit);
            vehicles.deleteOne(and(eq("_id", v.id()), eq(REMOVED, true)));
        }
        return marked;
    }

    private static RuntimeException duplicatePlate(MongoWriteException e, String plate) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return new ValidationException(List.of(new FieldViolation("plate",
                    "plate " + plate + " is already registered to another vehicle")));
        }
        return e;
    }

    // --- equipment ----------------------------------------------------------------------------

    public List<EquipmentItem> items(String brigadeId) {
        List<EquipmentItem> result = new ArrayList<>();
        items.find(eq("brigadeId", brigadeId)).sort(Sorts.ascending("itemCode", "_id")).forEach(d -> result.add(item(d)));
        return result;
    }

    public void insert(EquipmentItem i, AuditEntry audit) {
        items.insertOne(AuditOutbox.carrying(document(i), audit));
        outbox.relay(items, i.id(), audit);
    }

    /** An equipment item as stored. */
    public static Document document(EquipmentItem i) {
        return new Document("_id", i.id()).append("brigadeId", i.brigadeId())
                .append("countyId", i.countyId()).append("itemCode", i.itemCode()).append("quantity", i.quantity())
                .append("expiresOn", i.expiresOn() == null ? null : i.expiresOn().toString())
                .append("serialNumbers", i.serialNumbers()).append("version", i.version());
    }

    /** Items of a brigade or a county that expire on or before {@code until}. */
    public List<EquipmentItem> expiringBy(String brigadeId, String countyId, LocalDate until) {
        Bson scope = brigadeId != null ? eq("brigadeId", brigadeId) : eq("countyId", countyId);
        List<EquipmentItem> result = new ArrayList<>();
        items.find(and(scope, ne("expiresOn", null), lte("expiresOn", until.toString())))
                .sort(Sorts.ascending("expiresOn")).forEach(d -> result.add(item(d)));
        return result;
    }

    // --- checks and drills --------------------------------------------------------------------

    public void insert(EquipmentCheck c, AuditEntry audit) {
        checks.insertOne(AuditOutbox.carrying(new Document("_id", c.id()).append("brigadeId", c.brigadeId()).append("countyId", c.countyId())
                .append("date", c.date().toString()).append("inspector", c.inspector()).append("notes", c.notes())
                .append("recordedAt", Date.from(c.recordedAt()))
                .append("findings", c.findings().stream().map(f -> new Document("itemId", f.itemId())
                        .append("finding", f.finding().name()).append("workingQuantity", f.workingQuantity())
                        .append("defect", f.defect())).toList()), audit));
        outbox.relay(checks, c.id(), audit);
    }

    public List<EquipmentCheck> checks(String brigadeId) {
        List<EquipmentCheck> result = new ArrayList<>();
        checks.find(eq("brigadeId", brigadeId)).sort(Sorts.descending("date", "recordedAt"))
                .forEach(d -> result.add(check(d)));
        return result;
    }

    public void insert(Drill d, AuditEntry audit) {
        drills.insertOne(AuditOutbox.carrying(new Document("_id", d.id()).append("brigadeId", d.brigadeId())
                .append("countyId", d.countyId()).append("date", d.date().toString()).append("passed", d.passed())
                .append("notes", d.notes()).append("recordedBy", d.recordedBy())
                .append("recordedAt", Date.from(d.recordedAt())), audit));
        outbox.relay(drills, d.id(), audit);
    }

    public List<Drill> drills(String brigadeId) {
        List<Drill> result = new ArrayList<>();
        drills.find(eq("brigadeId", brigadeId)).sort(Sorts.descending("date", "recordedAt"))
                .forEach(d -> result.add(drill(d)));
        return result;
    }

    /** The inventories of many brigades: four indexed reads per group of brigades, whatever their number. */
    public Map<String, Inventory> inventories(Collection<String> brigadeIds) {
        Map<String, List<Vehicle>> v = RecordsByBrigade.read(vehicles, brigadeIds, PRESENT, InventoryStore::vehicle);
        Map<String, List<EquipmentItem>> i = RecordsByBrigade.read(items, brigadeIds, null, InventoryStore::item);
        Map<String, List<EquipmentCheck>> c = RecordsByBrigade.read(checks, brigadeIds, null, InventoryStore::check);
        Map<String, List<Drill>> d = RecordsByBrigade.read(drills, brigadeIds, null, InventoryStore::drill);
        Map<String, Inventory> result = new HashMap<>();
        for (String id : brigadeIds) {
            result.put(id, new Inventory(v.getOrDefault(id, List.of()), i.getOrDefault(id, List.of()),
                    c.getOrDefault(id, List.of()), d.getOrDefault(id, List.of())));
        }
        return result;
    }

    // --- codecs -------------------------------------------------------------------------------

    /** Which of these (normalized) plates are registered already. */
    public java.util.Set<String> registeredPlates(Collection<String> plates) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        vehicles.find(in("plate", plates)).projection(new Document("plate", 1)).forEach(d -> taken.add(d.getString("plate")));
        return taken;
    }

    /** A vehicle as stored (for bulk imports, which store through the import journal). */
    public static Document document(Vehicle v) {
        return new Document("_id", v.id()).append("brigadeId", v.brigadeId()).append("countyId", v.countyId())
                .append("type", v.type()).append("plate", v.plate()).append("status", v.status().name())
                .append("version", v.version());
    }

    private static Vehicle vehicle(Document d) {
        return new Vehicle(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"), d.getString("type"),
                d.getString("plate"), VehicleStatus.valueOf(d.getString("status")), ((Number) d.get("version")).longValue());
    }

    private static EquipmentItem item(Document d) {
        String expires = d.getString("expiresOn");
        return new EquipmentItem(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"),
                d.getString("itemCode"), d.getInteger("quantity"), expires == null ? null : LocalDate.parse(expires),
                d.getList("serialNumbers", String.class, List.of()), ((Number) d.get("version")).longValue());
    }

    private static EquipmentCheck check(Document d) {
        return new EquipmentCheck(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"),
                LocalDate.parse(d.getString("date")), d.getString("inspector"),
                d.getList("findings", Document.class, List.of()).stream().map(f -> new ItemFinding(f.getString("itemId"),
                        Finding.valueOf(f.getString("finding")), f.getInteger("workingQuantity"), f.getString("defect")))
                        .toList(),
                d.getString("notes"), d.getDate("recordedAt").toInstant());
    }

    private static Drill drill(Document d) {
        return new Drill(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"),
                LocalDate.parse(d.getString("date")), d.getBoolean("passed", false), d.getString("notes"),
                d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
    }
}
