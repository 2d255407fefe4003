package cn.jincheng.brigades.station.persistence;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.bson.Document;

import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.station.domain.BrigadeLevel;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.HousingStandard;
import cn.jincheng.brigades.station.domain.MilestoneDefinition;
import cn.jincheng.brigades.station.domain.Plan;
import cn.jincheng.brigades.station.domain.Room;

/** Plan ↔ BSON; the same shape as the {@code plan} object of a seed file. */
final class PlanCodec {

    private PlanCodec() {
    }

    static Plan plan(Document d) {
        List<MilestoneDefinition> milestones = d.getList("milestones", Document.class).stream()
                .map(PlanCodec::milestone).toList();
        return new Plan(d.getString("_id") != null ? d.getString("_id") : d.getString("id"), d.getString("city"),
                d.getInteger("year"), d.getString("source"), LocalDate.parse(d.getString("issuedOn")), milestones,
                housing(d));
    }

    static Document document(Plan p) {
        return new Document("_id", p.id()).append("city", p.city()).append("year", p.year())
                .append("source", p.source()).append("issuedOn", p.issuedOn().toString())
                .append("milestones", p.milestones().stream().map(m -> new Document("id", m.id())
                        .append("name", m.name()).append("dueDate", m.dueDate().toString())
                        .append("modes", m.modes().stream().map(Enum::name).sorted().toList())
                        .append("followsAcceptance", m.followsAcceptance()).append("derived", m.derived())
                        .append("planWording", m.planWording()).append("optional", m.optional())).toList())
                .append("housing", p.housing().minimums().stream().map(m -> new Document("level", m.level().name())
                        .append("floorAreaM2", m.floorAreaM2()).append("garageBays", m.garageBays())
                        .append("siteAreaM2", m.siteAreaM2())).toList())
                .append("requiredRooms", p.housing().requiredRooms().stream().map(Enum::name).sorted().toList())
                .append("housingSource", p.housing().source()).append("siteAreaSource", p.housing().siteAreaSource())
                .append("siteAreaSourceStatus", p.housing().siteAreaStatus().name());
    }

    private static HousingStandard housing(Document d) {
        List<Document> minimums = d.getList("housing", Document.class, List.of());
        if (minimums.isEmpty()) {
            return HousingStandard.NONE;
        }
        return new HousingStandard(minimums.stream().map(m -> new HousingStandard.Minimum(
                BrigadeLevel.valueOf(m.getString("level")), ((Number) m.get("floorAreaM2")).doubleValue(),
                ((Number) m.get("garageBays")).intValue(), ((Number) m.get("siteAreaM2")).doubleValue())).toList(),
                d.getList("requiredRooms", String.class, List.of()).stream().map(Room::valueOf)
                        .collect(java.util.stream.Collectors.toSet()),
                d.getString("housingSource"), d.getString("siteAreaSource"),
                SourceStatus.fromStored(d.getString("siteAreaSourceStatus")));
    }

    private static MilestoneDefinition milestone(Document d) {
        EnumSet<ConstructionMode> modes = EnumSet.noneOf(ConstructionMode.class);
        d.getList("modes", String.class).forEach(m -> modes.add(ConstructionMode.valueOf(m)));
        return new MilestoneDefinition(d.getString("id"), d.getString("name"), LocalDate.parse(d.getString("dueDate")),
                modes, d.getBoolean("followsAcceptance", false), d.getBoolean("derived", false),
                d.getString("planWording"), d.getBoolean("optional", false));
    }
}
