package cn.jincheng.brigades.common.persistence;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A fixed audit key and clock for tests (the key is a test value, not a secret of any deployment). */
public final class TestAuditKeys {

    public static final AuditKeys KEYS = AuditKeys.of("test-audit-key-0123456789abcdef0123456789", "test-1", null);
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2019-12-31T02:00:00Z"), ZoneOffset.UTC);

    private TestAuditKeys() {
    }

    public static AuditTrail trail(com.mongodb.client.MongoDatabase database) {
        return new AuditTrail(database, KEYS, CLOCK);
    }
}
