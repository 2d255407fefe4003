package cn.jincheng.brigades.equipment.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.client.BrigadeDirectory;
import cn.jincheng.brigades.common.errors.Validator;
import cn.jincheng.brigades.common.identity.AccessPolicy;
import cn.jincheng.brigades.common.identity.Caller;
import cn.jincheng.brigades.common.imports.ImportAccess;
import cn.jincheng.brigades.common.imports.ImportJournal;
import cn.jincheng.brigades.common.imports.RowErrors;
import cn.jincheng.brigades.common.time.TimeSource;
import cn.jincheng.brigades.equipment.catalog.Catalog;
import cn.jincheng.brigades.equipment.catalog.CatalogService;
import cn.jincheng.brigades.equipment.persistence.InventoryStore;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentRow;
import cn.jincheng.brigades.proto.equipment.v1.VehicleRow;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;

/**
 * Bulk import of vehicles and equipment items: every row passes the same checks as one added by
 * hand, plus those only a file can fail (the same plate twice). Stored through the import journal,
 * all rows or none (or the valid ones, if asked), with one audit entry per brigade and import.
 */
@Service
public class InventoryImports {

    private final InventoryStore store;
    private final CatalogService catalogs;
    private final BrigadeDirectory directory;
    private final ImportJournal journal;
    private final TimeSource time;

    public InventoryImports(InventoryStore store, CatalogService catalogs, BrigadeDirectory directory,
            ImportJournal journal, TimeSource time) {
        this.store = store;
        this.catalogs = catalogs;
        this.directory = directory;
        this.journal = journal;
        this.time = time;
    }

    public ImportResult importVehicles(Caller caller, ImportOptions options, List<VehicleRow> rows) {
        AccessPolicy.requireEditSomeBrigadeData(caller);
        Catalog catalog = catalogs.inForce();
        Map<String, String> counties = directory.knownCounties(rows.stream().map(VehicleRow::getBrigadeId).collect(Collectors.toSet()));
        List<String> plates = rows.stream().map(r -> InventoryService.normalizePlate(r.getPlate())).toList();
        Set<String> registered = store.registeredPlates(plates.stream().filter(p -> p != null && !p.isEmpty()).toList());
        Map<String, Integer> firstRowOfPlate = new HashMap<>();
        RowErrors errors = new RowErrors();
        List<Vehicle> valid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            VehicleRow row = rows.get(i);
            String plate = plates.get(i);
            Validator v = InventoryService.vehicleChecks(catalog, row.getType(), plate);
            String county = ImportAccess.editableCounty(caller, counties, row.getBrigadeId(), v);
            v.check(plate == null || !registered.contains(plate), "plate", "is registered already");
            Integer first = plate == null || plate.isEmpty() ? null : firstRowOfPlate.putIfAbsent(plate, row.getRow());
            v.check(first == null, "plate", "appears twice in the file (also in row " + first + ")");
            VehicleStatus status = switch (row.getStatus()) {
                case VEHICLE_STATUS_OUT_OF_SERVICE -> VehicleStatus.OUT_OF_SERVICE;
                default -> VehicleStatus.IN_SERVICE;
            };
            if (errors.add(row.getRow(), v)) {
                valid.add(new Vehicle(UUID.randomUUID().toString(), row.getBrigadeId(), county, row.getType(), plate,
                        status, 1));
            }
        }
        if (!errors.mayStore(options) || valid.isEmpty()) {
            return errors.result(null, rows.size(), 0);
        }
        ImportJournal.Batch batch = new ImportJournal.Batch();
        valid.forEach(v -> batch.add(InventoryStore.VEHICLES, InventoryStore.document(v), v.brigadeId(),
                InventoryService.view(v)));
        batch.auditEachBrigade(caller, time.now(), "vehicle.import", "vehicles");
        String id = journal.store("vehicles", caller.subject(), batch, time.now());
        return errors.result(id, rows.size(), valid.size());
    }

    public ImportResult importEquipment(Caller caller, ImportOptions options, List<EquipmentRow> rows) {
        AccessPolicy.requireEditSomeBrigadeData(caller);
        Catalog catalog = catalogs.inForce();
        Map<String, String> counties = directory.knownCounties(rows.stream().map(EquipmentRow::getBrigadeId).collect(Collectors.toSet()));
        RowErrors errors = new RowErrors();
        List<EquipmentItem> valid = new ArrayList<>();
        for (EquipmentRow row : rows) {
            LocalDate expiresOn = ImportAccess.date(row.hasExpiresOn(), row.getExpiresOn());
            Validator v = InventoryService.itemChecks(catalog, row.getItemCode(), row.getQuantity(), expiresOn)
                    .check(!row.hasExpiresOn() || expiresOn != null, "expiresOn", "is not a valid date");
            String county = ImportAccess.editableCounty(caller, counties, row.getBrigadeId(), v);
            if (errors.add(row.getRow(), v)) {
                valid.add(new EquipmentItem(UUID.randomUUID().toString(), row.getBrigadeId(), county, row.getItemCode(),
                        row.getQuantity(), expiresOn, List.of(), 1));
            }
        }
        if (!errors.mayStore(options) || valid.isEmpty()) {
            return errors.result(null, rows.size(), 0);
        }
        ImportJournal.Batch batch = new ImportJournal.Batch();
        valid.forEach(item -> batch.add(InventoryStore.ITEMS, InventoryStore.document(item), item.brigadeId(),
                new Document("id", item.id()).append("itemCode", item.itemCode()).append("quantity", item.quantity())
                        .append("expiresOn", item.expiresOn() == null ? null : item.expiresOn().toString())));
        batch.auditEachBrigade(caller, time.now(), "equipment.import", "items");
        String id = journal.store("equipment", caller.subject(), batch, time.now());
        return errors.result(id, rows.size(), valid.size());
    }
}
