package cn.jincheng.brigades.station.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;

import org.bson.Document;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeLevel;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.FundingPayer;
import cn.jincheng.brigades.station.domain.Housing;
import cn.jincheng.brigades.station.domain.Inspection;
import cn.jincheng.brigades.station.domain.Milestone;
import cn.jincheng.brigades.station.domain.MilestoneStatus;
import cn.jincheng.brigades.station.domain.Result;
import cn.jincheng.brigades.station.domain.Room;
import cn.jincheng.brigades.station.domain.Snapshot;
import cn.jincheng.brigades.station.domain.Stage;

/**
 * Brigade ↔ BSON. Dates are ISO strings (they sort as dates), instants are BSON dates. The
 * store-only fields {@code revision} and {@code outbox} are not part of the domain value.
 */
final class BrigadeCodec {

    static final String ID = "_id";
    static final String COUNTY = "countyId";
    static final String LEVEL = "level";
    static final String MODE = "constructionMode";
    static final String REVISION = "revision";
    /** Absent in documents stored before brigades carried it: county finance, the plan's default. */
    static final String FUNDING_PAYER = "fundingPayer";
    static final String OUTBOX = cn.jincheng.brigades.common.persistence.AuditOutbox.FIELD;

    private BrigadeCodec() {
    }

    /** The brigade's own fields, as written by every change ({@code $set}). */
    static Document fields(Brigade b) {
        return new Document("planId", b.planId())
                .append(COUNTY, b.countyId())
                .append("town", b.town())
                .append(LEVEL, b.level().name())
                .append(MODE, b.mode().name())
                .append("partner", b.partner())
                .append("situation", b.situation())
                .append("housing", housing(b.housing()))
                .append("notes", b.notes())
                .append(FUNDING_PAYER, b.fundingPayer().name())
                .append("version", b.version())
                .append("milestones", b.milestones().stream().map(BrigadeCodec::milestone).toList())
                .append("inspections", b.inspections().stream().map(BrigadeCodec::inspection).toList());
    }

    static Document newDocument(Brigade b) {
        Document d = new Document(ID, b.id());
        d.putAll(fields(b));
        return d.append(REVISION, 1L).append(OUTBOX, List.of());
    }

    static Brigade brigade(Document d) {
        return new Brigade(d.getString(ID), d.getString("planId"), d.getString(COUNTY), d.getString("town"),
                BrigadeLevel.valueOf(d.getString(LEVEL)), ConstructionMode.valueOf(d.getString(MODE)),
                d.getString("partner"), d.getString("situation"), housing(d.get("housing", Document.class)),
                d.getString("notes"), number(d, "version"),
                d.getList("milestones", Document.class, List.of()).stream()
                        .map(m -> milestone(d.getString(ID), m)).toList(),
                d.getList("inspections", Document.class, List.of()).stream().map(BrigadeCodec::inspection).toList(),
                FundingPayer.orDefault(d.getString(FUNDING_PAYER)));
    }

    static long revision(Document d) {
        return number(d, REVISION);
    }

    private static Document housing(Housing h) {
        return new Document("floorAreaM2", h.floorAreaM2())
                .append("siteAreaM2", h.siteAreaM2())
                .append("garageBays", h.garageBays())
                .append("rooms", h.rooms().stream().map(Enum::name).sorted().toList());
    }

    private static Housing housing(Document d) {
        if (d == null) {
            return Housing.NONE;
        }
        EnumSet<Room> rooms = EnumSet.noneOf(Room.class);
        d.getList("rooms", String.class, List.of()).forEach(r -> rooms.add(Room.valueOf(r)));
        return new Housing(((Number) d.get("floorAreaM2", 0.0)).doubleValue(),
                ((Number) d.get("siteAreaM2", 0.0)).doubleValue(),
                ((Number) d.get("garageBays", 0)).intValue(), rooms);
    }

    private static Document milestone(Milestone m) {
        return new Document("id", m.id())
                .append("name", m.name())
                .append("dueDate", m.dueDate().toString())
                .append("status", m.status().name())
                .append("followsAcceptance", m.followsAcceptance())
                .append("evidence", m.evidence())
                .append("submittedBy", m.submittedBy())
                .append("submittedAt", date(m.submittedAt()))
                .append("decisionComment", m.decisionComment())
                .append("decidedBy", m.decidedBy())
                .append("decidedAt", date(m.decidedAt()))
                .append("version", m.version());
    }

    private static Milestone milestone(String brigadeId, Document d) {
        return new Milestone(brigadeId, d.getString("id"), d.getString("name"),
                LocalDate.parse(d.getString("dueDate")), MilestoneStatus.valueOf(d.getString("status")),
                d.getBoolean("followsAcceptance", false), d.getString("evidence"), d.getString("submittedBy"),
                instant(d.getDate("submittedAt")), d.getString("decisionComment"), d.getString("decidedBy"),
                instant(d.getDate("decidedAt")), number(d, "version"));
    }

    private static Document inspection(Inspection i) {
        Snapshot s = i.snapshot();
        return new Document("id", i.id()).append("year", i.year()).append("stage", i.stage().name())
                .append("result", i.result().name()).append("notes", i.notes()).append("overrideReason", i.overrideReason())
                .append("overridden", i.overridden()).append("inspector", i.inspector()).append("role", i.role())
                .append("at", date(i.at()))
                .append("snapshot", new Document("compliant", s.compliant()).append("tier", s.tier())
                        .append("standards", s.standards())
                        .append("checks", s.checks().stream().map(c -> new Document("rule", c.rule())
                                .append("area", c.area().name()).append("severity", c.severity().name())
                                .append("required", c.required()).append("actual", c.actual()).append("met", c.met())
                                .append("source", c.source()).append("sourceStatus", c.sourceStatus().name())
                                .append("promotionReason", c.promotionReason())).toList()));
    }

    private static Inspection inspection(Document d) {
        Document s = d.get("snapshot", Document.class);
        Snapshot snapshot = new Snapshot(s.getBoolean("compliant", false), s.getString("tier"),
                s.getList("standards", String.class, List.of()),
                s.getList("checks", Document.class, List.of()).stream().map(c -> new CheckResult(c.getString("rule"),
                        Area.valueOf(c.getString("area")), Severity.valueOf(c.getString("severity")),
                        c.getString("required"), c.getString("actual"), c.getBoolean("met", false), c.getString("source"),
                        SourceStatus.fromStored(c.getString("sourceStatus")), c.getString("promotionReason"))).toList());
        return new Inspection(d.getString("id"), d.getInteger("year"), Stage.valueOf(d.getString("stage")),
                Result.valueOf(d.getString("result")), d.getString("notes"), d.getString("overrideReason"),
                d.getBoolean("overridden", false), d.getString("inspector"), d.getString("role"),
                instant(d.getDate("at")), snapshot);
    }

    static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static long number(Document d, String key) {
        Object v = d.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
