package cn.jincheng.brigades.common.domain.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import cn.jincheng.brigades.common.domain.identity.Caller;

/**
 * One change to a brigade's data, in whichever service holds it: who, with what role, when, what
 * (before/after and the request, as {@link AuditView}s or the maps read back from the trail).
 * Entries are appended, never edited or deleted.
 */
public record AuditEntry(String id, String brigadeId, Instant at, String actor, String role, String action,
        Map<String, Object> before, Map<String, Object> after, Map<String, Object> request) {

    public static AuditEntry of(Caller caller, Instant at, String brigadeId, String action, Map<String, ?> before,
            Map<String, ?> after, Map<String, ?> request) {
        return new AuditEntry(UUID.randomUUID().toString(), brigadeId, at, caller.subject(), caller.role().name(),
                action, view(before), view(after), view(request));
    }

    private static Map<String, Object> view(Map<String, ?> values) {
        return values == null ? null : new AuditView(values);
    }
}
