package cn.jincheng.brigades.common.audit;

import java.time.Instant;
import java.util.UUID;

import org.bson.Document;

import cn.jincheng.brigades.common.identity.Caller;

/**
 * One change to a brigade's data, in whichever service holds it: who, with what role, when, what
 * (before/after and the request).
 * Entries are appended, never edited or deleted.
 */
public record AuditEntry(String id, String brigadeId, Instant at, String actor, String role, String action,
        Document before, Document after, Document request) {

    public static AuditEntry of(Caller caller, Instant at, String brigadeId, String action, Document before,
            Document after, Document request) {
        return new AuditEntry(UUID.randomUUID().toString(), brigadeId, at, caller.subject(), caller.role().name(),
                action, before, after, request);
    }
}
