package cn.jincheng.brigades.equipment.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.persistence.RecordsByBrigade;
import cn.jincheng.brigades.equipment.domain.compliance.Inventory;
import cn.jincheng.brigades.equipment.domain.compliance.InventorySource;
import cn.jincheng.brigades.equipment.domain.inventory.Drill;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;

/**
 * The compliance reads across the inventory's four collections. Read only: the collections, their
 * indexes and their outboxes belong to {@link MongoInventoryRepository} and
 * {@link MongoFireDepartmentRecordRepository}.
 */
@Repository
class MongoInventorySource implements InventorySource {

    private final MongoCollection<Document> vehicles;
    private final MongoCollection<Document> items;
    private final MongoCollection<Document> checks;
    private final MongoCollection<Document> drills;

    MongoInventorySource(MongoDatabase database) {
        this.vehicles = database.getCollection(InventoryCodec.VEHICLES);
        this.items = database.getCollection(InventoryCodec.ITEMS);
        this.checks = database.getCollection(InventoryCodec.CHECKS);
        this.drills = database.getCollection(InventoryCodec.DRILLS);
    }

    /** Three indexed reads per group of brigades, whatever their number. */
    @Override
    public Map<String, Inventory> records(Collection<String> brigadeIds) {
        Map<String, List<Vehicle>> v = RecordsByBrigade.read(vehicles, brigadeIds, InventoryCodec.PRESENT,
                InventoryCodec::vehicle);
        Map<String, List<EquipmentCheck>> c = RecordsByBrigade.read(checks, brigadeIds, null, InventoryCodec::check);
        Map<String, List<Drill>> d = RecordsByBrigade.read(drills, brigadeIds, null, InventoryCodec::drill);
        Map<String, Inventory> result = new HashMap<>();
        for (String id : brigadeIds) {
            result.put(id, new Inventory(v.getOrDefault(id, List.of()), List.of(), c.getOrDefault(id, List.of()),
                    d.getOrDefault(id, List.of())));
        }
        return result;
    }

    @Override
    public List<EquipmentItem> holdings(Collection<String> itemIds) {
        List<EquipmentItem> result = new ArrayList<>();
        items.find(in("_id", itemIds)).forEach(d -> result.add(InventoryCodec.item(d)));
        return result;
    }

    /**
     * One aggregation on the {@code brigadeId} index: the unexpired holdings summed by brigade and
     * item code, then gathered into one document per brigade, so that a brigade's hundred holdings
     * cross the wire as its forty sums. Expiry dates are stored as ISO dates, which order as text.
     */
    @Override
    public Map<String, Map<String, Integer>> unexpiredQuantities(Collection<String> brigadeIds, LocalDate day) {
        Map<String, Map<String, Integer>> result = new HashMap<>();
        items.aggregate(List.of(
                Aggregates.match(and(in("brigadeId", brigadeIds),
                        or(eq("expiresOn", null), gte("expiresOn", day.toString())))),
                Aggregates.group(new Document("brigadeId", "$brigadeId").append("itemCode", "$itemCode"),
                        Accumulators.sum("quantity", "$quantity")),
                Aggregates.group("$_id.brigadeId", Accumulators.push("sums",
                        new Document("itemCode", "$_id.itemCode").append("quantity", "$quantity")))))
                .batchSize(RecordsByBrigade.BATCH).forEach(brigade -> {
                    Map<String, Integer> byCode = new HashMap<>();
                    for (Document sum : brigade.getList("sums", Document.class)) {
                        byCode.put(sum.getString("itemCode"), ((Number) sum.get("quantity")).intValue());
                    }
                    result.put(brigade.getString("_id"), byCode);
                });
        return result;
    }

    @Override
    public List<EquipmentItem> expiringBy(String brigadeId, String countyId, LocalDate until) {
        Bson scope = brigadeId != null ? eq("brigadeId", brigadeId) : eq("countyId", countyId);
        List<EquipmentItem> result = new ArrayList<>();
        items.find(and(scope, ne("expiresOn", null), lte("expiresOn", until.toString())))
                .sort(Sorts.ascending("expiresOn")).forEach(d -> result.add(InventoryCodec.item(d)));
        return result;
    }
}
