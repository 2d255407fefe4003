package cn.jincheng.brigades.equipment.grpc;

import static cn.jincheng.brigades.equipment.grpc.ProtoEnums.fromProto;
import static cn.jincheng.brigades.equipment.grpc.ProtoEnums.nz;
import static cn.jincheng.brigades.equipment.grpc.ProtoEnums.optionalFromProto;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;
import cn.jincheng.brigades.equipment.domain.catalog.ItemDefinition;
import cn.jincheng.brigades.equipment.domain.catalog.Rule;
import cn.jincheng.brigades.equipment.domain.catalog.RuleKind;
import cn.jincheng.brigades.equipment.domain.catalog.Tier;
import cn.jincheng.brigades.equipment.domain.catalog.VehicleCategory;
import cn.jincheng.brigades.equipment.domain.catalog.VehicleType;
import cn.jincheng.brigades.proto.compliance.v1.ComplianceArea;
import cn.jincheng.brigades.proto.equipment.v1.CatalogVersion;
import cn.jincheng.brigades.proto.equipment.v1.PublishCatalogRequest;
import cn.jincheng.brigades.proto.equipment.v1.StandardTier;

/** The standards catalog ↔ equipment.v1. */
final class CatalogProtoMapper {

    private CatalogProtoMapper() {
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

    /** What a PublishCatalog request asks for; a bad enum names its place in the request. */
    static CatalogService.Publication publication(PublishCatalogRequest r) {
        List<VehicleType> types = new ArrayList<>();
        for (int i = 0; i < r.getVehicleTypesCount(); i++) {
            types.add(vehicleType(r.getVehicleTypes(i), "vehicleTypes[" + i + "]"));
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < r.getRulesCount(); i++) {
            rules.add(rule(r.getRules(i), "rules[" + i + "]"));
        }
        return new CatalogService.Publication(r.getMode() == PublishCatalogRequest.Mode.MODE_AMEND,
                r.getBasedOnVersion(), r.getNote(), r.getTitle(), r.hasDefaultHeadcount() ? r.getDefaultHeadcount() : null,
                types, r.getItemsList().stream().map(CatalogProtoMapper::item).toList(), rules,
                new HashSet<>(r.getRemoveRulesList()));
    }

    static cn.jincheng.brigades.proto.equipment.v1.VehicleType vehicleType(VehicleType t) {
        return cn.jincheng.brigades.proto.equipment.v1.VehicleType.newBuilder().setCode(t.code())
                .setNameZh(nz(t.nameZh())).setNameEn(nz(t.nameEn()))
                .setCategory(category(t.category())).setSource(t.source())
                .setSourceStatus(CheckProtos.sourceStatus(t.sourceStatus()))
                .build();
    }

    static cn.jincheng.brigades.proto.equipment.v1.VehicleCategory category(VehicleCategory c) {
        return cn.jincheng.brigades.proto.equipment.v1.VehicleCategory.valueOf("VEHICLE_CATEGORY_" + c.name());
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
                .setSourceStatus(CheckProtos.sourceStatus(r.sourceStatus()))
                .addAllExcludedVehicleTypes(r.excludedVehicleTypes()).setPromotionReason(r.promotionReason());
        r.tiers().forEach(t -> out.addTiers(StandardTier.valueOf("STANDARD_TIER_" + t.name())));
        r.vehicleCategories().forEach(c -> out.addVehicleCategories(category(c)));
        if (r.max() != null) {
            out.setMax(r.max());
        }
        return out.build();
    }

    static VehicleType vehicleType(cn.jincheng.brigades.proto.equipment.v1.VehicleType t, String at) {
        return new VehicleType(t.getCode(), t.getNameZh(), t.getNameEn(),
                fromProto(VehicleCategory.class, t.getCategory(), "VEHICLE_CATEGORY_", at + ".category"), t.getSource(),
                optionalFromProto(SourceStatus.class, t.getSourceStatus(), "SOURCE_STATUS_", at + ".sourceStatus"));
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
                fromProto(SourceStatus.class, r.getSourceStatus(), "SOURCE_STATUS_", at + ".sourceStatus"),
                r.getExcludedVehicleTypesList(), r.getPromotionReason());
    }
}
