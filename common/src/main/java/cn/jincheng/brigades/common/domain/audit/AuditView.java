package cn.jincheng.brigades.common.domain.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an audit entry shows of a record or a request: named values in a fixed order (text,
 * numbers, booleans, lists and nested views). Plain Java, so that domains describe their changes
 * without knowing how the trail is stored.
 */
public final class AuditView extends LinkedHashMap<String, Object> {

    public AuditView() {
    }

    public AuditView(String key, Object value) {
        put(key, value);
    }

    public AuditView(Map<String, ?> values) {
        super(values);
    }

    public AuditView append(String key, Object value) {
        put(key, value);
        return this;
    }
}
