package cn.jincheng.brigades.equipment.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.domain.audit.AuditView;

import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.catalog.Catalog;
import cn.jincheng.brigades.equipment.catalog.CatalogService;
import cn.jincheng.brigades.common.grpc.client.BrigadeDirectory;
import cn.jincheng.brigades.equipment.persistence.InventoryStore;

/** Vehicles and equipment holdings, kept by the brigade's county (or the city administrator). */
@Service
public class InventoryService {

    /** Chinese plates, e.g. 晋E·12345, 晋E12345, 晋E1234应急; plates are compared without separators. */
    private static final Pattern PLATE = Pattern.compile("^[\\p{IsHan}A-Z][A-Z0-9\\p{IsHan}·\\- ]{4,11}$");
    public static final int MAX_QUANTITY = 100_000;

    private final InventoryStore store;
    private final CatalogService catalogs;
    private final BrigadeDirectory directory;
    private final TimeSource time;
    private final RecordIds ids;

    public InventoryService(InventoryStore store, CatalogService catalogs, BrigadeDirectory directory,
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
        String normalized = normalizePlate(plate);
        validateVehicle(catalogs.inForce(), type, normalized);
        Vehicle vehicle = new Vehicle(ids.next(), brigadeId, county, type, normalized,
                status == null ? VehicleStatus.IN_SERVICE : status, 1);
        store.insert(vehicle, AuditEntry.of(caller, time.now(), brigadeId, "vehicle.add", null, view(vehicle),
                new AuditView("type", type).append("plate", plate).append("status", status == null ? null : status.name())));
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
        String newPlate = plate != null ? normalizePlate(plate) : current.plate();
        validateVehicle(catalogs.inForce(), newType, newPlate);
        Vehicle updated = new Vehicle(vehicleId, brigadeId, county, newType, newPlate,
                status != null ? status : current.status(), current.version() + 1);
        if (!store.replace(updated, expectedVersion, AuditEntry.of(caller, time.now(), brigadeId, "vehicle.update",
                view(current), view(updated), new AuditView("type", type).append("plate", plate)
                        .append("status", status == null ? null : status.name())))) {
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
        Validator v = itemChecks(catalogs.inForce(), itemCode, quantity, expiresOn)
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

    /** The checks every new equipment item passes, one by one or imported. */
    static Validator itemChecks(Catalog catalog, String itemCode, int quantity, LocalDate expiresOn) {
        return new Validator()
                .check(itemCode != null && catalog.item(itemCode).isPresent(), "itemCode",
                        "is not an item code of catalog " + catalog.reference())
                .check(quantity > 0 && quantity <= MAX_QUANTITY, "quantity", "must be between 1 and " + MAX_QUANTITY)
                .check(expiresOn == null || (expiresOn.getYear() >= 2000 && expiresOn.getYear() <= 2100), "expiresOn",
                        "must be a date between 2000 and 2100");
    }

    /** An item as its audit entries show it. */
    static AuditView view(EquipmentItem item) {
        return new AuditView("id", item.id()).append("itemCode", item.itemCode()).append("quantity", item.quantity())
                .append("expiresOn", item.expiresOn() == null ? null : item.expiresOn().toString())
                .append("serialNumbers", item.serialNumbers());
    }

    static AuditView view(Vehicle v) {
        return new AuditView("id", v.id()).append("type", v.type()).append("plate", v.plate())
                .append("status", v.status().name()).append("version", v.version());
    }

    /** The checks every new vehicle passes, one by one or imported. */
    static Validator vehicleChecks(Catalog catalog, String type, String plate) {
        return new Validator()
                .check(type != null && catalog.vehicleType(type).isPresent(), "type",
                        "is not a vehicle type of catalog " + catalog.reference())
                .check(plate != null && PLATE.matcher(plate).matches(), "plate",
                        "must be a Chinese vehicle plate such as 晋E·12345");
    }

    private static void validateVehicle(Catalog catalog, String type, String plate) {
        vehicleChecks(catalog, type, plate).throwIfInvalid();
    }

    static String normalizePlate(String plate) {
        return plate == null ? null : plate.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "")
                .replace("·", "");
    }
}
