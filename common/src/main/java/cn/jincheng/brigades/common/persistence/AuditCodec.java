package cn.jincheng.brigades.common.persistence;

import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.bson.Document;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/** AuditEntry ↔ BSON, the same shape in the outbox and in the audit collection. */
public final class AuditCodec {

    private AuditCodec() {
    }

    public static Document document(AuditEntry e) {
        return new Document("_id", e.id())
                .append("brigadeId", e.brigadeId())
                .append("at", Date.from(e.at()))
                .append("actor", e.actor())
                .append("role", e.role())
                .append("action", e.action())
                .append("before", bson(e.before()))
                .append("after", bson(e.after()))
                .append("request", bson(e.request()));
    }

    public static AuditEntry entry(Document d) {
        String id = d.getString("entryId") != null ? d.getString("entryId") : d.getString("_id");
        return new AuditEntry(id, d.getString("brigadeId"), d.getDate("at").toInstant(),
                d.getString("actor"), d.getString("role"), d.getString("action"), d.get("before", Document.class),
                d.get("after", Document.class), d.get("request", Document.class));
    }

    /** A view as the document it is stored as (nested views as nested documents), so that it hashes as it reads back. */
    public static Document bson(Map<String, ?> view) {
        if (view == null) {
            return null;
        }
        Document document = new Document();
        view.forEach((key, value) -> document.append(key, value(value)));
        return document;
    }

    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            Document nested = new Document();
            map.forEach((k, v) -> nested.append(String.valueOf(k), value(v)));
            return nested;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(AuditCodec::value).toList();
        }
        return value;
    }
}
