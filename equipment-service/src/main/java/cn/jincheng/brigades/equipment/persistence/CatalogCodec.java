package cn.jincheng.brigades.equipment.persistence;

import java.util.Date;
import java.util.List;

import org.bson.Document;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.ItemDefinition;
import cn.jincheng.brigades.equipment.domain.catalog.Rule;
import cn.jincheng.brigades.equipment.domain.catalog.RuleKind;
import cn.jincheng.brigades.equipment.domain.catalog.Tier;
import cn.jincheng.brigades.equipment.domain.catalog.VehicleCategory;
import cn.jincheng.brigades.equipment.domain.catalog.VehicleType;

/**
 * Catalog ↔ BSON: a version as stored, keyed by its version number; the seed file has the same shape.
 * Versions stored before rules told how sure they are read as they were, with the old status
 * {@code STANDARD} as REFERENCE ({@link SourceStatus#fromStored}), no promotion reason, and vehicle
 * types without a source as the product's classification.
 */
public final class CatalogCodec {

    private CatalogCodec() {
    }

    static Document document(Catalog c) {
        return new Document("_id", c.version()).append("catalogId", c.id()).append("version", c.version())
                .append("title", c.title()).append("publishedAt", Date.from(c.publishedAt()))
                .append("publishedBy", c.publishedBy()).append("note", c.note())
                .append("defaultHeadcount", c.defaultHeadcount())
                .append("vehicleTypes", c.vehicleTypes().stream().map(t -> new Document("code", t.code())
                        .append("nameZh", t.nameZh()).append("nameEn", t.nameEn())
                        .append("category", t.category().name()).append("source", t.source())
                        .append("sourceStatus", t.sourceStatus().name())).toList())
                .append("items", c.items().stream().map(i -> new Document("code", i.code()).append("nameZh", i.nameZh())
                        .append("nameEn", i.nameEn()).append("kind", i.kind()).append("unit", i.unit())).toList())
                .append("rules", c.rules().stream().map(CatalogCodec::rule).toList());
    }

    static Document rule(Rule r) {
        return new Document("id", r.id()).append("area", r.area().name()).append("severity", r.severity().name())
                .append("kind", r.kind().name()).append("levels", r.levels())
                .append("tiers", r.tiers().stream().map(Enum::name).toList())
                .append("vehicleTypes", r.vehicleTypes())
                .append("vehicleCategories", r.vehicleCategories().stream().map(Enum::name).toList())
                .append("itemCode", r.itemCode()).append("min", r.min()).append("perFirefighter", r.perFirefighter())
                .append("max", r.max()).append("description", r.description()).append("source", r.source())
                .append("sourceStatus", r.sourceStatus().name())
                .append("excludedVehicleTypes", r.excludedVehicleTypes()).append("promotionReason", r.promotionReason());
    }

    /** A catalog from its stored form; also reads the seed file, which has the same shape. */
    public static Catalog catalog(Document d) {
        Date published = d.getDate("publishedAt");
        return new Catalog(d.getString("catalogId") != null ? d.getString("catalogId") : d.getString("id"),
                d.getInteger("version", 0), d.getString("title"), published == null ? null : published.toInstant(),
                d.getString("publishedBy"), d.getString("note"), d.getInteger("defaultHeadcount", 0),
                d.getList("vehicleTypes", Document.class, List.of()).stream().map(t -> new VehicleType(
                        t.getString("code"), t.getString("nameZh"), t.getString("nameEn"),
                        VehicleCategory.valueOf(t.getString("category")), t.getString("source"),
                        SourceStatus.fromStored(t.getString("sourceStatus")))).toList(),
                d.getList("items", Document.class, List.of()).stream().map(i -> new ItemDefinition(i.getString("code"),
                        i.getString("nameZh"), i.getString("nameEn"), i.getString("kind"), i.getString("unit"))).toList(),
                d.getList("rules", Document.class, List.of()).stream().map(CatalogCodec::rule).toList());
    }

    static Rule rule(Document r) {
        return new Rule(r.getString("id"), Area.valueOf(r.getString("area")), Severity.valueOf(r.getString("severity")),
                RuleKind.valueOf(r.getString("kind")), r.getList("levels", String.class, List.of()),
                r.getList("tiers", String.class, List.of()).stream().map(Tier::valueOf).toList(),
                r.getList("vehicleTypes", String.class, List.of()),
                r.getList("vehicleCategories", String.class, List.of()).stream().map(VehicleCategory::valueOf).toList(),
                r.getString("itemCode"), r.getInteger("min", 0), r.getInteger("perFirefighter", 0),
                r.getInteger("max"), r.getString("description"), r.getString("source"),
                SourceStatus.fromStored(r.getString("sourceStatus")),
                r.getList("excludedVehicleTypes", String.class, List.of()), r.getString("promotionReason"));
    }
}
