package cn.jincheng.brigades.staffing.persistence;

import java.util.Date;
import java.util.List;

import org.bson.Document;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.staffing.domain.rules.RuleKind;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRule;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/**
 * Staffing rules ↔ BSON: a version's document (keyed by its number) and the seed file, which has the
 * same shape. Versions stored before rules told how sure they are read with the old status
 * {@code STANDARD} as REFERENCE ({@link SourceStatus#fromStored}) and no promotion reason.
 */
public final class RulesCodec {

    private RulesCodec() {
    }

    static Document document(StaffingRules r) {
        return new Document("_id", r.version()).append("rulesId", r.id())
                .append("publishedAt", Date.from(r.publishedAt())).append("publishedBy", r.publishedBy())
                .append("note", r.note()).append("rules", r.rules().stream().map(x -> new Document("id", x.id())
                        .append("area", x.area().name()).append("severity", x.severity().name())
                        .append("kind", x.kind().name()).append("levels", x.levels()).append("tiers", x.tiers())
                        .append("min", x.min()).append("rateYuan", x.rateYuan()).append("description", x.description())
                        .append("source", x.source()).append("sourceStatus", x.sourceStatus().name())
                        .append("promotionReason", x.promotionReason())).toList());
    }

    /** Rules from their stored form, or from the seed file (no version: 0, its id under {@code id}). */
    public static StaffingRules rules(Document d) {
        Date published = d.getDate("publishedAt");
        return new StaffingRules(d.getString("rulesId") != null ? d.getString("rulesId") : d.getString("id"),
                d.get("_id") instanceof Integer v ? v : 0, published == null ? null : published.toInstant(),
                d.getString("publishedBy"), d.getString("note"),
                d.getList("rules", Document.class, List.of()).stream().map(r -> new StaffingRule(r.getString("id"),
                        Area.valueOf(r.getString("area")), Severity.valueOf(r.getString("severity")),
                        RuleKind.valueOf(r.getString("kind")), r.getList("levels", String.class, List.of()),
                        r.getList("tiers", String.class, List.of()), r.getInteger("min", 0),
                        ((Number) r.get("rateYuan", 0)).longValue(), r.getString("description"), r.getString("source"),
                        SourceStatus.fromStored(r.getString("sourceStatus")), r.getString("promotionReason"))).toList());
    }
}
