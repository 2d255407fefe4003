package cn.jincheng.brigades.equipment.domain.inventory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.jincheng.brigades.common.domain.audit.ImportAudit;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.imports.ImportAccess;
import cn.jincheng.brigades.common.domain.imports.ImportOptions;
import cn.jincheng.brigades.common.domain.imports.ImportOutcome;
import cn.jincheng.brigades.common.domain.imports.RowErrors;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;

/**
 * Bulk import of vehicles and equipment items: every row passes the same checks as one added by
 * hand, plus those only a file can fail (the same plate twice). Stored all rows or none (or the
 * valid ones, if asked), with one audit entry per brigade and import.
 */
public class InventoryImports {

    private final InventoryRepository store;
    private final CatalogService catalogs;
    private final BrigadeDirectory directory;
    private final TimeSource time;
    private final RecordIds ids;

    public InventoryImports(InventoryRepository store, CatalogService catalogs, BrigadeDirectory directory,
            TimeSource time, RecordIds ids) {
        this.ids = ids;
        this.store = store;
        this.catalogs = catalogs;
        this.directory = directory;
        this.time = time;
    }

    /** A vehicle row of a file: its row number, then the fields of a vehicle added by hand (status null: in service). */
    public record VehicleRow(int row, String brigadeId, String type, String plate, VehicleStatus status) {
    }

    /** An equipment row of a file. */
    public record ItemRow(int row, String brigadeId, String itemCode, int quantity, LocalDate expiresOn) {
    }

    public ImportOutcome importVehicles(Caller caller, ImportOptions options, List<VehicleRow> rows) {
        AccessPolicy.requireEditSomeBrigadeData(caller);
        Catalog catalog = catalogs.inForce();
        Map<String, String> counties = directory.knownCounties(rows.stream().map(VehicleRow::brigadeId).collect(Collectors.toSet()));
        List<String> plates = rows.stream().map(r -> InventoryRules.normalizePlate(r.plate())).toList();
        Set<String> registered = store.registeredPlates(plates.stream().filter(p -> p != null && !p.isEmpty()).toList());
        Map<String, Integer> firstRowOfPlate = new HashMap<>();
        RowErrors errors = new RowErrors();
        List<Vehicle> valid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            VehicleRow row = rows.get(i);
            String plate = plates.get(i);
            Validator v = InventoryRules.vehicleChecks(catalog, row.type(), plate);
            String county = ImportAccess.editableCounty(caller, counties, row.brigadeId(), v);
            v.check(plate == null || !registered.contains(plate), "plate", "is registered already");
            Integer first = plate == null || plate.isEmpty() ? null : firstRowOfPlate.putIfAbsent(plate, row.row());
            v.check(first == null, "plate", "appears twice in the file (also in row " + first + ")");
            if (errors.add(row.row(), v)) {
                valid.add(new Vehicle(ids.next(), row.brigadeId(), county, row.type(), plate,
                        row.status() == null ? VehicleStatus.IN_SERVICE : row.status(), 1));
            }
        }
        return errors.outcome(options, rows.size(), valid.size(), () -> store.importVehicles(caller.subject(), valid,
                ImportAudit.perBrigade(caller, time.now(), "vehicle.import", "vehicles", valid, Vehicle::brigadeId,
                        AuditViews::view),
                time.now()));
    }

    public ImportOutcome importEquipment(Caller caller, ImportOptions options, List<ItemRow> rows) {
        AccessPolicy.requireEditSomeBrigadeData(caller);
        Catalog catalog = catalogs.inForce();
        Map<String, String> counties = directory.knownCounties(rows.stream().map(ItemRow::brigadeId).collect(Collectors.toSet()));
        RowErrors errors = new RowErrors();
        List<EquipmentItem> valid = new ArrayList<>();
        for (ItemRow row : rows) {
            Validator v = InventoryRules.itemChecks(catalog, row.itemCode(), row.quantity(), row.expiresOn());
            String county = ImportAccess.editableCounty(caller, counties, row.brigadeId(), v);
            if (errors.add(row.row(), v)) {
                valid.add(new EquipmentItem(ids.next(), row.brigadeId(), county, row.itemCode(),
                        row.quantity(), row.expiresOn(), List.of(), 1));
            }
        }
        return errors.outcome(options, rows.size(), valid.size(), () -> store.importItems(caller.subject(), valid,
                ImportAudit.perBrigade(caller, time.now(), "equipment.import", "items", valid, EquipmentItem::brigadeId,
                        AuditViews::view),
                time.now()));
    }
}
