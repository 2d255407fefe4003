package cn.jincheng.brigades.equipment.domain.inventory;

import cn.jincheng.brigades.common.domain.audit.AuditView;

/** How the audit trail shows the inventory's records: one shape per record, whoever writes the entry. */
final class AuditViews {

    private AuditViews() {
    }

    static AuditView view(Vehicle v) {
        return new AuditView("id", v.id()).append("type", v.type()).append("plate", v.plate())
                .append("status", v.status().name()).append("version", v.version());
    }

    static AuditView view(EquipmentItem item) {
        return new AuditView("id", item.id()).append("itemCode", item.itemCode()).append("quantity", item.quantity())
                .append("expiresOn", item.expiresOn() == null ? null : item.expiresOn().toString())
                .append("serialNumbers", item.serialNumbers());
    }

    static AuditView view(EquipmentCheck check) {
        return new AuditView("id", check.id()).append("date", check.date().toString()).append("notes", check.notes())
                .append("findings", check.findings().stream().map(f -> new AuditView("itemId", f.itemId())
                        .append("finding", f.finding().name()).append("workingQuantity", f.workingQuantity())
                        .append("defect", f.defect())).toList());
    }

    static AuditView view(Drill drill) {
        return new AuditView("id", drill.id()).append("date", drill.date().toString()).append("passed", drill.passed())
                .append("notes", drill.notes());
    }

    /** What a vehicle change asked for: the fields as given (null when left as they were). */
    static AuditView vehicleRequest(String type, String plate, VehicleStatus status) {
        return new AuditView("type", type).append("plate", plate).append("status", status == null ? null : status.name());
    }
}
