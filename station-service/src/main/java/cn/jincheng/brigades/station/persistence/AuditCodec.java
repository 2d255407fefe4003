package cn.jincheng.brigades.station.persistence;

import org.bson.Document;

import cn.jincheng.brigades.station.domain.AuditEntry;

/** AuditEntry ↔ BSON, the same shape in the outbox and in the audit collection. */
final class AuditCodec {

    private AuditCodec() {
    }

    static Document document(AuditEntry e) {
        return new Document("_id", e.id())
                .append("brigadeId", e.brigadeId())
                .append("at", BrigadeCodec.date(e.at()))
                .append("actor", e.actor())
                .append("role", e.role())
                .append("action", e.action())
                .append("before", e.before())
                .append("after", e.after())
                .append("request", e.request());
    }

    static AuditEntry entry(Document d) {
        return new AuditEntry(d.getString("_id"), d.getString("brigadeId"), BrigadeCodec.instant(d.getDate("at")),
                d.getString("actor"), d.getString("role"), d.getString("action"), d.get("before", Document.class),
                d.get("after", Document.class), d.get("request", Document.class));
    }
}
