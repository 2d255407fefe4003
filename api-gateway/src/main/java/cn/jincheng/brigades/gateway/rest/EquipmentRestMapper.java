package cn.jincheng.brigades.gateway.rest;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.stereotype.Component;

import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.gateway.problem.Problem;
import cn.jincheng.brigades.proto.compliance.v1.Check;
import cn.jincheng.brigades.proto.compliance.v1.ComplianceArea;
import cn.jincheng.brigades.proto.compliance.v1.Severity;
import cn.jincheng.brigades.proto.compliance.v1.SourceStatus;
import cn.jincheng.brigades.proto.equipment.v1.Catalog;
import cn.jincheng.brigades.proto.equipment.v1.CatalogVersion;
import cn.jincheng.brigades.proto.equipment.v1.CheckFinding;
import cn.jincheng.brigades.proto.equipment.v1.Drill;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentCheck;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentItem;
import cn.jincheng.brigades.proto.equipment.v1.ExpiringItem;
import cn.jincheng.brigades.proto.equipment.v1.ItemDefinition;
import cn.jincheng.brigades.proto.equipment.v1.ItemFinding;
import cn.jincheng.brigades.proto.equipment.v1.Rule;
import cn.jincheng.brigades.proto.equipment.v1.RuleKind;
import cn.jincheng.brigades.proto.equipment.v1.StandardTier;
import cn.jincheng.brigades.proto.equipment.v1.Vehicle;
import cn.jincheng.brigades.proto.equipment.v1.VehicleCategory;
import cn.jincheng.brigades.proto.equipment.v1.VehicleStatus;
import cn.jincheng.brigades.proto.equipment.v1.VehicleType;
import cn.jincheng.brigades.proto.station.v1.GetComplianceResponse;

/** equipment.v1 (and composed compliance) ↔ REST shapes. */
@Component
class EquipmentRestMapper {

    static final String STATUS = "VEHICLE_STATUS_";
    static final String CATEGORY = "VEHICLE_CATEGORY_";
    static final String FINDING = "CHECK_FINDING_";

    EquipmentDtos.VehicleDto vehicle(Vehicle v) {
        return new EquipmentDtos.VehicleDto(v.getId(), v.getType(), RestEnums.name(v.getCategory(), CATEGORY),
                v.getPlate(), RestEnums.name(v.getStatus(), STATUS), v.getVersion());
    }

    EquipmentDtos.ItemDto item(EquipmentItem i) {
        return new EquipmentDtos.ItemDto(i.getId(), i.getItemCode(), i.getQuantity(),
                i.hasExpiresOn() ? ProtoTime.localDate(i.getExpiresOn()) : null, i.getSerialNumbersList(),
                i.getUsableQuantity(), i.getLastFinding() == CheckFinding.CHECK_FINDING_UNSPECIFIED ? null
                        : RestEnums.name(i.getLastFinding(), FINDING), i.getVersion());
    }

    EquipmentDtos.CheckDto check(EquipmentCheck c) {
        return new EquipmentDtos.CheckDto(c.getId(), ProtoTime.localDate(c.getDate()), c.getInspector(),
                c.getFindingsList().stream().map(f -> new EquipmentDtos.FindingDto(f.getItemId(),
                        RestEnums.name(f.getFinding(), FINDING), f.hasWorkingQuantity() ? f.getWorkingQuantity() : null,
                        f.getDefect().isEmpty() ? null : f.getDefect())).toList(),
                c.getNotes(), ProtoTime.instant(c.getRecordedAt()));
    }

    List<ItemFinding> findings(List<EquipmentDtos.FindingDto> findings) {
        List<ItemFinding> result = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            EquipmentDtos.FindingDto f = findings.get(i);
            ItemFinding.Builder b = ItemFinding.newBuilder().setItemId(f.itemId() == null ? "" : f.itemId())
                    .setDefect(f.defect() == null ? "" : f.defect());
            try {
                if (f.finding() == null) {
                    throw ApiException.invalid("findings[" + i + "].finding", "is required: PRESENT, DEFECTIVE, EXPIRED or MISSING");
                }
                b.setFinding(RestEnums.parse(CheckFinding.class, FINDING, f.finding(), "findings[" + i + "].finding"));
            } catch (ApiException e) {
                errors.addAll(e.errors());
            }
            if (f.workingQuantity() != null) {
                b.setWorkingQuantity(f.workingQuantity());
            }
            result.add(b.build());
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return result;
    }

    EquipmentDtos.DrillDto drill(Drill d) {
        return new EquipmentDtos.DrillDto(d.getId(), ProtoTime.localDate(d.getDate()), d.getPassed(),
                d.getNotes(), d.getRecordedBy(), ProtoTime.instant(d.getRecordedAt()));
    }

    EquipmentDtos.ComplianceDto compliance(GetComplianceResponse r) {
        return new EquipmentDtos.ComplianceDto(r.getBrigadeId(), String.join(" + ", r.getStandardsList()),
                r.getStandardsList(), r.getCompliant(), r.getRulesApply(), r.getTier(), r.getYear(),
                r.getChecksList().stream().map(this::complianceCheck).toList());
    }

    EquipmentDtos.ComplianceCheck complianceCheck(Check c) {
        return new EquipmentDtos.ComplianceCheck(c.getRule(), RestEnums.name(c.getArea(), "COMPLIANCE_AREA_"),
                RestEnums.name(c.getSeverity(), "SEVERITY_"), c.getRequired(), c.getActual(), c.getMet(),
                c.getSource(), RestEnums.name(c.getSourceStatus(), "SOURCE_STATUS_"), c.getPromotionReason());
    }

    EquipmentDtos.CatalogDto catalog(Catalog c) {
        return new EquipmentDtos.CatalogDto(c.getId(), c.getVersion(), c.getTitle(),
                c.hasPublishedAt() ? ProtoTime.instant(c.getPublishedAt()) : null, c.getPublishedBy(), c.getNote(),
                c.getDefaultHeadcount(),
                c.getVehicleTypesList().stream().map(t -> new EquipmentDtos.VehicleTypeDto(t.getCode(), t.getNameZh(),
                        t.getNameEn(), RestEnums.name(t.getCategory(), CATEGORY), t.getSource(),
                        RestEnums.name(t.getSourceStatus(), "SOURCE_STATUS_"))).toList(),
                c.getItemsList().stream().map(i -> new EquipmentDtos.ItemDefinitionDto(i.getCode(), i.getNameZh(),
                        i.getNameEn(), i.getKind(), i.getUnit())).toList(),
                c.getRulesList().stream().map(this::rule).toList());
    }

    EquipmentDtos.CatalogVersionDto version(CatalogVersion v) {
        return new EquipmentDtos.CatalogVersionDto(v.getId(), v.getVersion(),
                v.hasPublishedAt() ? ProtoTime.instant(v.getPublishedAt()) : null, v.getPublishedBy(), v.getNote());
    }

    private EquipmentDtos.RuleDto rule(Rule r) {
        return new EquipmentDtos.RuleDto(r.getId(), RestEnums.name(r.getArea(), "COMPLIANCE_AREA_"),
                RestEnums.name(r.getSeverity(), "SEVERITY_"), RestEnums.name(r.getKind(), "RULE_KIND_"),
                r.getLevelsList(), r.getTiersList().stream().map(t -> RestEnums.name(t, "STANDARD_TIER_")).toList(),
                r.getVehicleTypesList(), r.getVehicleCategoriesList().stream().map(c -> RestEnums.name(c, CATEGORY)).toList(),
                r.getItemCode().isEmpty() ? null : r.getItemCode(), r.getMin(), r.getPerFirefighter(),
                r.hasMax() ? r.getMax() : null, r.getDescription(), r.getSource(),
                RestEnums.name(r.getSourceStatus(), "SOURCE_STATUS_"), r.getExcludedVehicleTypesList(),
                r.getPromotionReason());
    }

    VehicleType vehicleType(EquipmentDtos.VehicleTypeDto t, String at) {
        VehicleType.Builder b = VehicleType.newBuilder().setCode(nz(t.code())).setNameZh(nz(t.nameZh()))
                .setNameEn(nz(t.nameEn())).setCategory(required(VehicleCategory.class, CATEGORY, t.category(), at + ".category"))
                .setSource(nz(t.source()));
        if (t.sourceStatus() != null) {
            b.setSourceStatus(RestEnums.parse(SourceStatus.class, "SOURCE_STATUS_", t.sourceStatus(), at + ".sourceStatus"));
        }
        return b.build();
    }

    ItemDefinition itemDefinition(EquipmentDtos.ItemDefinitionDto i) {
        return ItemDefinition.newBuilder().setCode(nz(i.code())).setNameZh(nz(i.nameZh())).setNameEn(nz(i.nameEn()))
                .setKind(nz(i.kind())).setUnit(nz(i.unit())).build();
    }

    Rule rule(EquipmentDtos.RuleDto r, String at) {
        Rule.Builder b = Rule.newBuilder().setId(nz(r.id()))
                .setArea(required(ComplianceArea.class, "COMPLIANCE_AREA_", r.area(), at + ".area"))
                .setSeverity(required(Severity.class, "SEVERITY_", r.severity(), at + ".severity"))
                .setKind(required(RuleKind.class, "RULE_KIND_", r.kind(), at + ".kind"))
                .addAllLevels(list(r.levels())).addAllVehicleTypes(list(r.vehicleTypes()))
                .setItemCode(nz(r.itemCode())).setMin(r.min() == null ? 0 : r.min())
                .setPerFirefighter(r.perFirefighter() == null ? 0 : r.perFirefighter())
                .setDescription(nz(r.description())).setSource(nz(r.source()))
                .setSourceStatus(required(SourceStatus.class, "SOURCE_STATUS_", r.sourceStatus(), at + ".sourceStatus"))
                .addAllExcludedVehicleTypes(list(r.excludedVehicleTypes())).setPromotionReason(nz(r.promotionReason()));
        each(r.tiers(), at + ".tiers", (t, f) -> b.addTiers(required(StandardTier.class, "STANDARD_TIER_", t, f)));
        each(r.vehicleCategories(), at + ".vehicleCategories",
                (c, f) -> b.addVehicleCategories(required(VehicleCategory.class, CATEGORY, c, f)));
        if (r.max() != null) {
            b.setMax(r.max());
        }
        return b.build();
    }

    VehicleStatus status(String status, String field) {
        return status == null ? VehicleStatus.VEHICLE_STATUS_UNSPECIFIED
                : RestEnums.parse(VehicleStatus.class, STATUS, status, field);
    }

    EquipmentDtos.ExpiringDto expiring(ExpiringItem e) {
        return new EquipmentDtos.ExpiringDto(e.getBrigadeId(), e.getItemId(), e.getItemCode(), e.getNameZh(),
                e.getQuantity(), ProtoTime.localDate(e.getExpiresOn()), e.getDaysLeft());
    }

    private static <E extends Enum<E> & com.google.protobuf.ProtocolMessageEnum> E required(Class<E> type,
            String prefix, String value, String field) {
        if (value == null) {
            throw ApiException.invalid(field, "is required: one of " + RestEnums.names(type, prefix));
        }
        return RestEnums.parse(type, prefix, value, field);
    }

    private static void each(List<String> values, String field, BiFunction<String, String, Object> add) {
        List<String> list = list(values);
        for (int i = 0; i < list.size(); i++) {
            add.apply(list.get(i), field + "[" + i + "]");
        }
    }

    private static List<String> list(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
