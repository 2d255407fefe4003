package cn.jincheng.brigades.equipment.domain.inventory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/**
 * Where vehicles and equipment holdings are kept. Every change is stored together with its audit
 * entry, so that no change is ever without its record.
 */
public interface InventoryRepository {

    /** A brigade's vehicles, by plate. */
    List<Vehicle> vehicles(String brigadeId);

    Optional<Vehicle> vehicle(String brigadeId, String vehicleId);

    /** Stores a new vehicle; a plate registered already is refused ({@code ValidationException} on {@code plate}). */
    void insert(Vehicle vehicle, AuditEntry audit);

    /**
     * Replaces a vehicle if its stored version is still {@code expectedVersion}; a plate registered
     * to another vehicle is refused as on insert.
     *
     * @return false when the vehicle's version moved on (nothing was written)
     */
    boolean replace(Vehicle vehicle, long expectedVersion, AuditEntry audit);

    /** Removes the vehicle at its version. @return false when it is gone or its version moved on */
    boolean delete(Vehicle vehicle, AuditEntry audit);

    /** Which of these (normalized) plates are registered already. */
    Set<String> registeredPlates(Collection<String> plates);

    /** A brigade's equipment holdings, by item code. */
    List<EquipmentItem> items(String brigadeId);

    void insert(EquipmentItem item, AuditEntry audit);

    /**
     * Stores the vehicles of an import with its audit entries, all or none even across a crash.
     *
     * @return the import's id
     */
    String importVehicles(String actor, List<Vehicle> vehicles, List<AuditEntry> entries, Instant at);

    /**
     * Stores the equipment holdings of an import with its audit entries, all or none even across a crash.
     *
     * @return the import's id
     */
    String importItems(String actor, List<EquipmentItem> items, List<AuditEntry> entries, Instant at);
}
