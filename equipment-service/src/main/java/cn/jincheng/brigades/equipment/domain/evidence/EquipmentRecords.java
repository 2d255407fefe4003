package cn.jincheng.brigades.equipment.domain.evidence;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.evidence.AttachableRecords;
import cn.jincheng.brigades.common.domain.evidence.RecordKind;
import cn.jincheng.brigades.equipment.domain.inventory.FireDepartmentRecordRepository;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryRepository;

/**
 * The records of equipment-service that take evidence: a brigade's vehicles, equipment holdings,
 * and the fire department's checks and drills. Brigades and their counties come from this
 * service's copy of the brigade directory.
 */
public final class EquipmentRecords implements AttachableRecords {

    private static final Set<RecordKind> KINDS = Set.of(RecordKind.VEHICLE, RecordKind.EQUIPMENT,
            RecordKind.EQUIPMENT_CHECK, RecordKind.DRILL);

    private final BrigadeDirectory directory;
    private final InventoryRepository inventory;
    private final FireDepartmentRecordRepository fireDepartment;

    public EquipmentRecords(BrigadeDirectory directory, InventoryRepository inventory,
            FireDepartmentRecordRepository fireDepartment) {
        this.directory = directory;
        this.inventory = inventory;
        this.fireDepartment = fireDepartment;
    }

    @Override
    public Set<RecordKind> kinds() {
        return KINDS;
    }

    @Override
    public Map<String, String> counties(Collection<String> brigadeIds) {
        return directory.knownCounties(brigadeIds);
    }

    @Override
    public boolean exists(String brigadeId, String countyId, RecordKind kind, String recordId) {
        return switch (kind) {
            case VEHICLE -> inventory.vehicle(brigadeId, recordId).isPresent();
            case EQUIPMENT -> inventory.items(brigadeId).stream().anyMatch(i -> i.id().equals(recordId));
            case EQUIPMENT_CHECK -> fireDepartment.checks(brigadeId).stream().anyMatch(c -> c.id().equals(recordId));
            case DRILL -> fireDepartment.drills(brigadeId).stream().anyMatch(d -> d.id().equals(recordId));
            default -> false;
        };
    }
}
