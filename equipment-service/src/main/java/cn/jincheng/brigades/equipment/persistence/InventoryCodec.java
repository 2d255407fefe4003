package cn.jincheng.brigades.equipment.persistence;

import static com.mongodb.client.model.Filters.ne;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import cn.jincheng.brigades.equipment.domain.inventory.Drill;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.Finding;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;
import cn.jincheng.brigades.equipment.domain.inventory.VehicleStatus;

/** Vehicles, equipment holdings, checks and drills ↔ BSON, one document each, and the collections they are kept in. */
final class InventoryCodec {

    static final String VEHICLES = "vehicles";
    static final String ITEMS = "items";
    static final String CHECKS = "checks";
    static final String DRILLS = "drills";

    /** Marks a removed vehicle until its audit entry is in the chain; readers never see it. */
    static final String REMOVED = "removed";
    static final Bson PRESENT = ne(REMOVED, true);

    private InventoryCodec() {
    }

    static Document document(Vehicle v) {
        return new Document("_id", v.id()).append("brigadeId", v.brigadeId()).append("countyId", v.countyId())
                .append("type", v.type()).append("plate", v.plate()).append("status", v.status().name())
                .append("version", v.version());
    }

    static Document document(EquipmentItem i) {
        return new Document("_id", i.id()).append("brigadeId", i.brigadeId())
                .append("countyId", i.countyId()).append("itemCode", i.itemCode()).append("quantity", i.quantity())
                .append("expiresOn", i.expiresOn() == null ? null : i.expiresOn().toString())
                .append("serialNumbers", i.serialNumbers()).append("version", i.version());
    }

    static Document document(EquipmentCheck c) {
        return new Document("_id", c.id()).append("brigadeId", c.brigadeId()).append("countyId", c.countyId())
                .append("date", c.date().toString()).append("inspector", c.inspector()).append("notes", c.notes())
                .append("recordedAt", Date.from(c.recordedAt()))
                .append("findings", c.findings().stream().map(f -> new Document("itemId", f.itemId())
                        .append("finding", f.finding().name()).append("workingQuantity", f.workingQuantity())
                        .append("defect", f.defect())).toList());
    }

    static Document document(Drill d) {
        return new Document("_id", d.id()).append("brigadeId", d.brigadeId())
                .append("countyId", d.countyId()).append("date", d.date().toString()).append("passed", d.passed())
                .append("notes", d.notes()).append("recordedBy", d.recordedBy())
                .append("recordedAt", Date.from(d.recordedAt()));
    }

    static Vehicle vehicle(Document d) {
        return new Vehicle(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"), d.getString("type"),
                d.getString("plate"), VehicleStatus.valueOf(d.getString("status")), ((Number) d.get("version")).longValue());
    }

    static EquipmentItem item(Document d) {
        String expires = d.getString("expiresOn");
        return new EquipmentItem(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"),
                d.getString("itemCode"), d.getInteger("quantity"), expires == null ? null : LocalDate.parse(expires),
                d.getList("serialNumbers", String.class, List.of()), ((Number) d.get("version")).longValue());
    }

    static EquipmentCheck check(Document d) {
        return new EquipmentCheck(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"),
                LocalDate.parse(d.getString("date")), d.getString("inspector"),
                d.getList("findings", Document.class, List.of()).stream().map(f -> new ItemFinding(f.getString("itemId"),
                        Finding.valueOf(f.getString("finding")), f.getInteger("workingQuantity"), f.getString("defect")))
                        .toList(),
                d.getString("notes"), d.getDate("recordedAt").toInstant());
    }

    static Drill drill(Document d) {
        return new Drill(d.getString("_id"), d.getString("brigadeId"), d.getString("countyId"),
                LocalDate.parse(d.getString("date")), d.getBoolean("passed", false), d.getString("notes"),
                d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
    }
}
