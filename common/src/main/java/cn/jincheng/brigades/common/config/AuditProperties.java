package cn.jincheng.brigades.common.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.jincheng.brigades.common.persistence.AuditKeys;

/**
 * The audit chain's key and anchoring (docs/adr/0010).
 *
 * @param key             the HMAC key, from a Secret ({@code AUDIT_HMAC_KEY}); at least 32 characters
 * @param keyId           its id, stored with what it signs; blank: a fingerprint of the key
 * @param retiredKeys     keys rotated out, that still verify what they signed: {@code id=key,id=key}
 *                        ({@code AUDIT_HMAC_RETIRED_KEYS})
 * @param keyFile         local runs and tests, when no key is given: a file under {@code DATA_DIR},
 *                        created with a random key on first start (never committed)
 * @param anchorInterval  how often the day's anchoring is looked at (it runs once per business day)
 * @param anchoring       whether this process anchors at all (on by default)
 */
@ConfigurationProperties("brigades.audit")
public record AuditProperties(String key, String keyId, String retiredKeys, String keyFile, Duration anchorInterval,
        Boolean anchoring) {

    public AuditKeys keys() {
        return AuditKeys.resolve(key, keyId, retiredKeys, keyFile);
    }

    public Duration interval() {
        return anchorInterval == null ? Duration.ofHours(1) : anchorInterval;
    }
}
