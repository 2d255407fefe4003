package cn.jincheng.brigades.common.audit;

import org.bson.Document;


/** AuditEntry ↔ BSON, the same shape in the outbox and in the audit collection. */
public final class AuditCodec {

    private AuditCodec() {
    }

    public static Document document(AuditEntry e) {
        return new Document("_id", e.id())
                .append("brigadeId", e.brigadeId())
                .append("at", java.util.Date.from(e.at()))
                .append("actor", e.actor())
                .append("role", e.role())
                .append("action", e.action())
                .append("before", e.before())
                .append("after", e.after())
                .append("request", e.request());
    }

    public static AuditEntry entry(Document d) {
        String id = d.getString("entryId") != null ? d.getString("entryId") : d.getString("_id");
        return new AuditEntry(id, d.getString("brigadeId"), d.getDate("at").toInstant(),
                d.getString("actor"), d.getString("role"), d.getString("action"), d.get("before", Document.class),
                d.get("after", Document.class), d.get("request", Document.class));
    }
}
