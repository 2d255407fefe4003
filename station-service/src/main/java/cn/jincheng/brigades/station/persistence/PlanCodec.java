package cn.jincheng.brigades.station.persistence;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.bson.Document;

import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.MilestoneDefinition;
import cn.jincheng.brigades.station.domain.Plan;

/** Plan ↔ BSON; the same shape as the {@code plan} object of a seed file. */
final class PlanCodec {

    private PlanCodec() {
    }

    static Plan plan(Document d) {
        List<MilestoneDefinition> milestones = d.getList("milestones", Document.class).stream()
                .map(PlanCodec::milestone).toList();
        return new Plan(d.getString("_id") != null ? d.getString("_id") : d.getString("id"), d.getString("city"),
                d.getInteger("year"), d.getString("source"), LocalDate.parse(d.getString("issuedOn")), milestones);
    }

    static Document document(Plan p) {
        return new Document("_id", p.id()).append("city", p.city()).append("year", p.year())
                .append("source", p.source()).append("issuedOn", p.issuedOn().toString())
                .append("milestones", p.milestones().stream().map(m -> new Document("id", m.id())
                        .append("name", m.name()).append("dueDate", m.dueDate().toString())
                        .append("modes", m.modes().stream().map(Enum::name).sorted().toList())
                        .append("followsAcceptance", m.followsAcceptance())).toList());
    }

    private static MilestoneDefinition milestone(Document d) {
        EnumSet<ConstructionMode> modes = EnumSet.noneOf(ConstructionMode.class);
        d.getList("modes", String.class).forEach(m -> modes.add(ConstructionMode.valueOf(m)));
        return new MilestoneDefinition(d.getString("id"), d.getString("name"), LocalDate.parse(d.getString("dueDate")),
                modes, d.getBoolean("followsAcceptance", false));
    }
}
