package cn.jincheng.brigades.equipment.grpc;

import static cn.jincheng.brigades.equipment.grpc.ProtoEnums.nz;
import static cn.jincheng.brigades.equipment.grpc.ProtoEnums.optionalFromProto;

import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.grpc.ImportProtos;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.compliance.Holding;
import cn.jincheng.brigades.equipment.domain.inventory.Drill;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.Finding;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryImports;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;
import cn.jincheng.brigades.equipment.domain.inventory.VehicleStatus;
import cn.jincheng.brigades.proto.equipment.v1.CheckFinding;
import cn.jincheng.brigades.proto.equipment.v1.RecordEquipmentCheckRequest;

/** Vehicles, holdings, checks, drills and import rows ↔ equipment.v1. */
final class InventoryProtoMapper {

    private InventoryProtoMapper() {
    }

    /** A vehicle, with its category as the catalog names its type. */
    static cn.jincheng.brigades.proto.equipment.v1.Vehicle vehicle(Vehicle v, Catalog catalog) {
        cn.jincheng.brigades.proto.equipment.v1.Vehicle.Builder out = cn.jincheng.brigades.proto.equipment.v1.Vehicle
                .newBuilder().setId(v.id()).setBrigadeId(v.brigadeId()).setType(v.type()).setPlate(v.plate())
                .setStatus(cn.jincheng.brigades.proto.equipment.v1.VehicleStatus.valueOf("VEHICLE_STATUS_" + v.status().name()))
                .setVersion(v.version());
        catalog.vehicleType(v.type()).ifPresent(t -> out.setCategory(CatalogProtoMapper.category(t.category())));
        return out.build();
    }

    static VehicleStatus vehicleStatus(cn.jincheng.brigades.proto.equipment.v1.VehicleStatus s) {
        return optionalFromProto(VehicleStatus.class, s, "VEHICLE_STATUS_", "status");
    }

    static cn.jincheng.brigades.proto.equipment.v1.EquipmentItem item(Holding h) {
        var i = h.item();
        cn.jincheng.brigades.proto.equipment.v1.EquipmentItem.Builder out = cn.jincheng.brigades.proto.equipment.v1.EquipmentItem
                .newBuilder().setId(i.id()).setBrigadeId(i.brigadeId()).setItemCode(i.itemCode())
                .setQuantity(i.quantity()).addAllSerialNumbers(i.serialNumbers()).setVersion(i.version())
                .setUsableQuantity(h.usable());
        if (i.expiresOn() != null) {
            out.setExpiresOn(ProtoTime.date(i.expiresOn()));
        }
        if (h.lastFinding() != null) {
            out.setLastFinding(CheckFinding.valueOf("CHECK_FINDING_" + h.lastFinding().name()));
        }
        return out.build();
    }

    static List<ItemFinding> findings(RecordEquipmentCheckRequest r) {
        List<ItemFinding> findings = new ArrayList<>();
        for (int i = 0; i < r.getFindingsCount(); i++) {
            findings.add(finding(r.getFindings(i), "findings[" + i + "]"));
        }
        return findings;
    }

    static ItemFinding finding(cn.jincheng.brigades.proto.equipment.v1.ItemFinding f, String at) {
        Finding finding = optionalFromProto(Finding.class, f.getFinding(), "CHECK_FINDING_", at + ".finding");
        return new ItemFinding(f.getItemId().isEmpty() ? null : f.getItemId(), finding,
                f.hasWorkingQuantity() ? f.getWorkingQuantity() : null, f.getDefect().isEmpty() ? null : f.getDefect());
    }

    static cn.jincheng.brigades.proto.equipment.v1.EquipmentCheck check(EquipmentCheck c) {
        cn.jincheng.brigades.proto.equipment.v1.EquipmentCheck.Builder out = cn.jincheng.brigades.proto.equipment.v1.EquipmentCheck
                .newBuilder().setId(c.id()).setBrigadeId(c.brigadeId()).setDate(ProtoTime.date(c.date()))
                .setInspector(c.inspector()).setNotes(nz(c.notes())).setRecordedAt(ProtoTime.timestamp(c.recordedAt()));
        c.findings().forEach(f -> {
            cn.jincheng.brigades.proto.equipment.v1.ItemFinding.Builder b = cn.jincheng.brigades.proto.equipment.v1.ItemFinding
                    .newBuilder().setItemId(f.itemId())
                    .setFinding(CheckFinding.valueOf("CHECK_FINDING_" + f.finding().name())).setDefect(nz(f.defect()));
            if (f.workingQuantity() != null) {
                b.setWorkingQuantity(f.workingQuantity());
            }
            out.addFindings(b);
        });
        return out.build();
    }

    static cn.jincheng.brigades.proto.equipment.v1.Drill drill(Drill d) {
        return cn.jincheng.brigades.proto.equipment.v1.Drill.newBuilder().setId(d.id()).setBrigadeId(d.brigadeId())
                .setDate(ProtoTime.date(d.date())).setPassed(d.passed()).setNotes(nz(d.notes())).setRecordedBy(d.recordedBy())
                .setRecordedAt(ProtoTime.timestamp(d.recordedAt())).build();
    }

    static InventoryImports.VehicleRow vehicleRow(cn.jincheng.brigades.proto.equipment.v1.VehicleRow r) {
        return new InventoryImports.VehicleRow(r.getRow(), r.getBrigadeId(), r.getType(), r.getPlate(),
                vehicleStatus(r.getStatus()));
    }

    static InventoryImports.ItemRow itemRow(cn.jincheng.brigades.proto.equipment.v1.EquipmentRow r) {
        return new InventoryImports.ItemRow(r.getRow(), r.getBrigadeId(), r.getItemCode(), r.getQuantity(),
                ImportProtos.date(r.hasExpiresOn(), r.getExpiresOn(), r.getRow(), "expiresOn"));
    }
}
