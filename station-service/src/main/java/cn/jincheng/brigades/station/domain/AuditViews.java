package cn.jincheng.brigades.station.domain;

import cn.jincheng.brigades.common.domain.audit.AuditView;

/** What the audit trail records of a brigade and a milestone: the fields a change can touch. */
public final class AuditViews {

    private AuditViews() {
    }

    public static AuditView brigadeData(Brigade b) {
        return new AuditView("version", b.version())
                .append("constructionMode", b.mode().name())
                .append("partner", b.partner())
                .append("notes", b.notes())
                .append("housing", housing(b.housing()));
    }

    public static AuditView housing(Housing h) {
        return new AuditView("floorAreaM2", h.floorAreaM2())
                .append("siteAreaM2", h.siteAreaM2())
                .append("garageBays", h.garageBays())
                .append("rooms", h.rooms().stream().map(Enum::name).sorted().toList());
    }

    public static AuditView milestone(Milestone m) {
        AuditView d = new AuditView("id", m.id()).append("status", m.status().name())
                .append("dueDate", m.dueDate().toString());
        if (m.evidence() != null) {
            d.append("evidence", m.evidence());
        }
        if (m.decisionComment() != null) {
            d.append("decisionComment", m.decisionComment());
        }
        return d;
    }

    /** The brigade's data with its milestones: what a mode change touches. */
    public static AuditView brigadeWithMilestones(Brigade b) {
        return brigadeData(b).append("milestones", b.milestones().stream().map(AuditViews::milestone).toList());
    }
}
