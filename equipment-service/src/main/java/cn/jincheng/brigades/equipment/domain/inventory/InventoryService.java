package cn.jincheng.brigades.equipment.domain.inventory;

import static cn.jincheng.brigades.equipment.domain.inventory.AuditViews.view;

import java.time.LocalDate;
import java.util.List;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;

/** Vehicles and equipment holdings, kept by the brigade's county (or the city administrator). */
public class InventoryService {

    private final InventoryRepository store;
    private final CatalogService catalogs;
    private final BrigadeDirectory directory;
    private final TimeSource time;
    private final RecordIds ids;

    public InventoryService(InventoryRepository store, CatalogService catalogs, BrigadeDirectory directory,
            TimeSource time, RecordIds ids) {
        this.ids = ids;
        this.store = store;
        this.catalogs = catalogs;
        this.directory = directory;
        this.time = time;
    }

    public List<Vehicle> vehicles(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId);
        return store.vehicles(brigadeId);
    }

    public Vehicle addVehicle(Caller caller, String brigadeId, String type, String plate, VehicleStatus status) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        String normalized = InventoryRules.normalizePlate(plate);
        InventoryRules.vehicleChecks(catalogs.inForce(), type, normalized).throwIfInvalid();
        Vehicle vehicle = new Vehicle(ids.next(), brigadeId, county, type, normalized,
                status == null ? VehicleStatus.IN_SERVICE : status, 1);
        store.insert(vehicle, AuditEntry.of(caller, time.now(), brigadeId, "vehicle.add", null, view(vehicle),
                AuditViews.vehicleRequest(type, plate, status)));
        return vehicle;
    }

    public Vehicle updateVehicle(Caller caller, String brigadeId, String vehicleId, long expectedVersion, String type,
            String plate, VehicleStatus status) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        new Validator().check(expectedVersion > 0, "version", "the version you last read is required (If-Match)")
                .throwIfInvalid();
        Vehicle current = store.vehicle(brigadeId, vehicleId)
                .orElseThrow(() -> new NotFoundException("vehicle", brigadeId + "/" + vehicleId));
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("vehicle", vehicleId, expectedVersion, current.version());
        }
        String newType = type != null ? type : current.type();
        String newPlate = plate != null ? InventoryRules.normalizePlate(plate) : current.plate();
        InventoryRules.vehicleChecks(catalogs.inForce(), newType, newPlate).throwIfInvalid();
        Vehicle updated = new Vehicle(vehicleId, brigadeId, county, newType, newPlate,
                status != null ? status : current.status(), current.version() + 1);
        if (!store.replace(updated, expectedVersion, AuditEntry.of(caller, time.now(), brigadeId, "vehicle.update",
                view(current), view(updated), AuditViews.vehicleRequest(type, plate, status)))) {
            long now = store.vehicle(brigadeId, vehicleId).map(Vehicle::version).orElse(expectedVersion + 1);
            throw new StaleVersionException("vehicle", vehicleId, expectedVersion, now);
        }
        return updated;
    }

    public void removeVehicle(Caller caller, String brigadeId, String vehicleId, Long expectedVersion) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        Vehicle current = store.vehicle(brigadeId, vehicleId)
                .orElseThrow(() -> new NotFoundException("vehicle", brigadeId + "/" + vehicleId));
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw new StaleVersionException("vehicle", vehicleId, expectedVersion, current.version());
        }
        if (!store.delete(current, AuditEntry.of(caller, time.now(), brigadeId, "vehicle.remove", view(current), null,
                new AuditView("vehicleId", vehicleId)))) {
            throw new NotFoundException("vehicle", brigadeId + "/" + vehicleId);
        }
    }

    public List<EquipmentItem> equipment(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId);
        return store.items(brigadeId);
    }

    public EquipmentItem addEquipment(Caller caller, String brigadeId, String itemCode, int quantity,
            LocalDate expiresOn, List<String> serialNumbers) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        Validator v = InventoryRules.itemChecks(catalogs.inForce(), itemCode, quantity, expiresOn)
                .check(serialNumbers == null || serialNumbers.size() <= quantity, "serialNumbers",
                        "more serial numbers than items");
        if (serialNumbers != null) {
            for (int i = 0; i < serialNumbers.size(); i++) {
                v.notBlank(serialNumbers.get(i), "serialNumbers[" + i + "]")
                        .maxLength(serialNumbers.get(i), 100, "serialNumbers[" + i + "]");
            }
        }
        v.throwIfInvalid();
        EquipmentItem item = new EquipmentItem(ids.next(), brigadeId, county, itemCode, quantity,
                expiresOn, serialNumbers, 1);
        AuditView added = view(item);
        store.insert(item, AuditEntry.of(caller, time.now(), brigadeId, "equipment.add", null, added, added));
        return item;
    }
}
