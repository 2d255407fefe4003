package cn.jincheng.brigades.equipment.domain.inventory;

import java.util.List;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/** Where the fire department's equipment checks and readiness drills are kept: recorded, never edited. */
public interface FireDepartmentRecordRepository {

    void insert(EquipmentCheck check, AuditEntry audit);

    /** A brigade's checks, latest first. */
    List<EquipmentCheck> checks(String brigadeId);

    void insert(Drill drill, AuditEntry audit);

    /** A brigade's drills, latest first. */
    List<Drill> drills(String brigadeId);
}
