package cn.jincheng.brigades.equipment.grpc;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.util.List;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.equipment.catalog.Catalog;
import cn.jincheng.brigades.equipment.catalog.ItemDefinition;
import cn.jincheng.brigades.equipment.catalog.Rule;
import cn.jincheng.brigades.equipment.catalog.RuleKind;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.equipment.catalog.Tier;
import cn.jincheng.brigades.equipment.catalog.VehicleCategory;
import cn.jincheng.brigades.equipment.catalog.VehicleType;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.equipment.compliance.ComplianceService;
import cn.jincheng.brigades.equipment.compliance.Evaluation;
import cn.jincheng.brigades.equipment.inventory.Drill;
import cn.jincheng.brigades.equipment.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.inventory.Finding;
import cn.jincheng.brigades.equipment.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.inventory.Vehicle;
import cn.jincheng.brigades.equipment.inventory.VehicleStatus;
import cn.jincheng.brigades.equipment.inventory.InventoryImports;
import cn.jincheng.brigades.common.domain.imports.ImportAccess;
import cn.jincheng.brigades.proto.compliance.v1.ComplianceArea;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeCompliance;
import cn.jincheng.brigades.proto.equipment.v1.CatalogVersion;
import cn.jincheng.brigades.proto.equipment.v1.CheckFinding;
import cn.jincheng.brigades.proto.equipment.v1.ExpiringItem;
import cn.jincheng.brigades.proto.equipment.v1.StandardTier;

/** Domain ↔ equipment.v1. Proto enum names are the domain names with the type's prefix. */
final class EquipmentProtoMapper {

    private EquipmentProtoMapper() {
    }

    static <E extends Enum<E>> E fromProto(Class<E> type, Enum<?> value, String prefix, String field) {
        String name = value.name();
        if (name.endsWith("UNSPECIFIED") || name.equals("UNRECOGNIZED")) {
            throw new ValidationException(field, "must be one of " + List.of(type.getEnumConstants()));
        }
        return Enum.valueOf(type, name.substring(prefix.length()));
    }

    static <E extends Enum<E>> E optionalFromProto(Class<E> type, Enum<?> value, String prefix, String field) {
        return value.name().endsWith("UNSPECIFIED") ? null : fromProto(type, value, prefix, field);
    }

    static cn.jincheng.brigades.proto.equipment.v1.Catalog catalog(Catalog c) {
        cn.jincheng.brigades.proto.equipment.v1.Catalog.Builder out = cn.jincheng.brigades.proto.equipment.v1.Catalog
                .newBuilder().setId(c.id()).setVersion(c.version()).setTitle(nz(c.title()))
                .setPublishedBy(nz(c.publishedBy())).setNote(nz(c.note())).setDefaultHeadcount(c.defaultHeadcount());
        if (c.publishedAt() != null) {
            out.setPublishedAt(ProtoTime.timestamp(c.publishedAt()));
        }
        c.vehicleTypes().forEach(t -> out.addVehicleTypes(vehicleType(t)));
        c.items().forEach(i -> out.addItems(cn.jincheng.brigades.proto.equipment.v1.ItemDefinition.newBuilder()
                .setCode(i.code()).setNameZh(nz(i.nameZh())).setNameEn(nz(i.nameEn())).setKind(nz(i.kind()))
                .setUnit(nz(i.unit()))));
        c.rules().forEach(r -> out.addRules(rule(r)));
        return out.build();
    }

    static CatalogVersion header(Catalog c) {
        CatalogVersion.Builder out = CatalogVersion.newBuilder().setId(c.id()).setVersion(c.version())
                .setPublishedBy(nz(c.publishedBy())).setNote(nz(c.note()));
        if (c.publishedAt() != null) {
            out.setPublishedAt(ProtoTime.timestamp(c.publishedAt()));
        }
        return out.build();
    }

    static cn.jincheng.brigades.proto.equipment.v1.VehicleType vehicleType(VehicleType t) {
        return cn.jincheng.brigades.proto.equipment.v1.VehicleType.newBuilder().setCode(t.code())
                .setNameZh(nz(t.nameZh())).setNameEn(nz(t.nameEn()))
                .setCategory(cn.jincheng.brigades.proto.equipment.v1.VehicleCategory
                        .valueOf("VEHICLE_CATEGORY_" + t.category().name()))
                .build();
    }

    static cn.jincheng.brigades.proto.equipment.v1.Rule rule(Rule r) {
        cn.jincheng.brigades.proto.equipment.v1.Rule.Builder out = cn.jincheng.brigades.proto.equipment.v1.Rule
                .newBuilder().setId(r.id())
                .setArea(ComplianceArea.valueOf("COMPLIANCE_AREA_" + r.area().name()))
                .setSeverity(cn.jincheng.brigades.proto.compliance.v1.Severity.valueOf("SEVERITY_" + r.severity().name()))
                .setKind(cn.jincheng.brigades.proto.equipment.v1.RuleKind.valueOf("RULE_KIND_" + r.kind().name()))
                .addAllLevels(r.levels()).addAllVehicleTypes(r.vehicleTypes()).setItemCode(nz(r.itemCode()))
                .setMin(r.min()).setPerFirefighter(r.perFirefighter()).setDescription(nz(r.description()))
                .setSource(nz(r.source()))
                .setSourceStatus(cn.jincheng.brigades.proto.compliance.v1.SourceStatus
                        .valueOf("SOURCE_STATUS_" + r.sourceStatus().name()));
        r.tiers().forEach(t -> out.addTiers(StandardTier.valueOf("STANDARD_TIER_" + t.name())));
        r.vehicleCategories().forEach(c -> out.addVehicleCategories(
                cn.jincheng.brigades.proto.equipment.v1.VehicleCategory.valueOf("VEHICLE_CATEGORY_" + c.name())));
        if (r.max() != null) {
            out.setMax(r.max());
        }
        return out.build();
    }

    static VehicleType vehicleType(cn.jincheng.brigades.proto.equipment.v1.VehicleType t, String at) {
        return new VehicleType(t.getCode(), t.getNameZh(), t.getNameEn(),
                fromProto(VehicleCategory.class, t.getCategory(), "VEHICLE_CATEGORY_", at + ".category"));
    }

    static ItemDefinition item(cn.jincheng.brigades.proto.equipment.v1.ItemDefinition i) {
        return new ItemDefinition(i.getCode(), i.getNameZh(), i.getNameEn(), i.getKind(), i.getUnit());
    }

    static Rule rule(cn.jincheng.brigades.proto.equipment.v1.Rule r, String at) {
        return new Rule(r.getId(), fromProto(Area.class, r.getArea(), "COMPLIANCE_AREA_", at + ".area"),
                fromProto(Severity.class, r.getSeverity(), "SEVERITY_", at + ".severity"),
                fromProto(RuleKind.class, r.getKind(), "RULE_KIND_", at + ".kind"), r.getLevelsList(),
                r.getTiersList().stream().map(t -> fromProto(Tier.class, t, "STANDARD_TIER_", at + ".tiers")).toList(),
                r.getVehicleTypesList(),
                r.getVehicleCategoriesList().stream().map(c -> fromProto(VehicleCategory.class, c, "VEHICLE_CATEGORY_",
                        at + ".vehicleCategories")).toList(),
                r.getItemCode().isEmpty() ? null : r.getItemCode(), r.getMin(), r.getPerFirefighter(),
                r.hasMax() ? r.getMax() : null, r.getDescription(), r.getSource(),
                fromProto(SourceStatus.class, r.getSourceStatus(), "SOURCE_STATUS_", at + ".sourceStatus"));
    }

    static cn.jincheng.brigades.proto.equipment.v1.Vehicle vehicle(Vehicle v, Catalog catalog) {
        cn.jincheng.brigades.proto.equipment.v1.Vehicle.Builder out = cn.jincheng.brigades.proto.equipment.v1.Vehicle
                .newBuilder().setId(v.id()).setBrigadeId(v.brigadeId()).setType(v.type()).setPlate(v.plate())
                .setStatus(cn.jincheng.brigades.proto.equipment.v1.VehicleStatus.valueOf("VEHICLE_STATUS_" + v.status().name()))
                .setVersion(v.version());
        catalog.vehicleType(v.type()).ifPresent(t -> out.setCategory(
                cn.jincheng.brigades.proto.equipment.v1.VehicleCategory.valueOf("VEHICLE_CATEGORY_" + t.category().name())));
        return out.build();
    }

    static VehicleStatus vehicleStatus(cn.jincheng.brigades.proto.equipment.v1.VehicleStatus s) {
        return optionalFromProto(VehicleStatus.class, s, "VEHICLE_STATUS_", "status");
    }

    static cn.jincheng.brigades.proto.equipment.v1.EquipmentItem item(EquipmentItem i, int usable, Finding last) {
        cn.jincheng.brigades.proto.equipment.v1.EquipmentItem.Builder out = cn.jincheng.brigades.proto.equipment.v1.EquipmentItem
                .newBuilder().setId(i.id()).setBrigadeId(i.brigadeId()).setItemCode(i.itemCode())
                .setQuantity(i.quantity()).addAllSerialNumbers(i.serialNumbers()).setVersion(i.version())
                .setUsableQuantity(usable);
        if (i.expiresOn() != null) {
            out.setExpiresOn(ProtoTime.date(i.expiresOn()));
        }
        if (last != null) {
            out.setLastFinding(CheckFinding.valueOf("CHECK_FINDING_" + last.name()));
        }
        return out.build();
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

    static BrigadeCompliance compliance(Evaluation e) {
        BrigadeCompliance.Builder out = BrigadeCompliance.newBuilder().setBrigadeId(e.brigadeId())
                .setStandard(e.standard()).setCompliant(e.compliant());
        e.checks().forEach(c -> out.addChecks(CheckProtos.check(c)));
        return out.build();
    }

    static ExpiringItem expiring(ComplianceService.Expiring e) {
        return ExpiringItem.newBuilder().setBrigadeId(e.item().brigadeId()).setItemId(e.item().id())
                .setItemCode(e.item().itemCode()).setNameZh(e.nameZh()).setQuantity(e.item().quantity())
                .setExpiresOn(ProtoTime.date(e.item().expiresOn())).setDaysLeft((int) e.daysLeft()).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static InventoryImports.VehicleRow vehicleRow(cn.jincheng.brigades.proto.equipment.v1.VehicleRow r) {
        return new InventoryImports.VehicleRow(r.getRow(), r.getBrigadeId(), r.getType(), r.getPlate(),
                vehicleStatus(r.getStatus()));
    }

    static InventoryImports.ItemRow itemRow(cn.jincheng.brigades.proto.equipment.v1.EquipmentRow r) {
        return new InventoryImports.ItemRow(r.getRow(), r.getBrigadeId(), r.getItemCode(), r.getQuantity(),
                ImportAccess.date(r.hasExpiresOn(), r.getExpiresOn(), r.getRow(), "expiresOn"));
    }
}
