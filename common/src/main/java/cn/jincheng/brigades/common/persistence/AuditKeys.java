package cn.jincheng.brigades.common.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the audit chain's HMACs (docs/adr/0010): the current one signs new entries and
 * anchors, retired ones still verify what they signed. The keys are never in the database: a
 * Kubernetes Secret ({@code AUDIT_HMAC_KEY}) or, on local runs, a file under {@code DATA_DIR}
 * generated on first start. Each key has an id, stored with every entry it signed, so that keys
 * can rotate: the new key becomes current and the old one moves to the retired list.
 */
public final class AuditKeys {

    public static final String ENV = "AUDIT_HMAC_KEY";
    public static final String RETIRED_ENV = "AUDIT_HMAC_RETIRED_KEYS";
    static final int MIN_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private AuditKeys(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * @param key     the current key's text (at least {@value #MIN_LENGTH} characters)
     * @param keyId   its id; blank: derived from the key (a fingerprint that does not reveal it)
     * @param retired keys that only verify, as {@code id=key} separated by commas; may be blank
     */
    public static AuditKeys of(String key, String keyId, String retired) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String id = keyId == null || keyId.isBlank() ? idOf(key) : keyId.strip();
        keys.put(id, spec(key, "the audit key"));
        if (retired != null && !retired.isBlank()) {
            for (String pair : retired.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException("a retired audit key is written id=key");
                }
                keys.putIfAbsent(pair.substring(0, eq).strip(), spec(pair.substring(eq + 1).strip(), "retired audit key "
                        + pair.substring(0, eq).strip()));
            }
        }
        return new AuditKeys(id, Map.copyOf(keys));
    }

    /**
     * The keys from configuration: the key when one is given (a Secret), else the key file, created
     * with a random key on first use (local runs and tests; several processes starting at once
     * agree on one file). Neither: the service does not start.
     */
    public static AuditKeys resolve(String key, String keyId, String retired, String keyFile) {
        if (key != null && !key.isBlank()) {
            return of(key, keyId, retired);
        }
        if (keyFile == null || keyFile.isBlank()) {
            throw new IllegalStateException("set brigades.audit.key (AUDIT_HMAC_KEY, from a Secret) or "
                    + "brigades.audit.key-file: the audit chain is keyed (docs/adr/0010)");
        }
        return of(loadOrCreate(Path.of(keyFile)), keyId, retired);
    }

    /** For tools outside a service (the backup's restore check): {@code AUDIT_HMAC_KEY}, else the local key file. */
    public static AuditKeys fromEnvironment() {
        String dataDir = System.getenv().getOrDefault("DATA_DIR", "./data");
        String file = Path.of(dataDir, "keys", "audit-hmac.key").toString();
        return resolve(System.getenv(ENV), null, System.getenv(RETIRED_ENV),
                System.getenv(ENV) == null && !Files.exists(Path.of(file)) ? null : file);
    }

    public String currentId() {
        return currentId;
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** The HMAC of the content under the current key, in hex. */
    public String mac(byte[] content) {
        return mac(currentId, content);
    }

    /** Whether {@code mac} is the HMAC of the content under key {@code keyId} (an unknown key: no). */
    public boolean verifies(String keyId, byte[] content, String mac) {
        if (!knows(keyId) || mac == null) {
            return false;
        }
        return MessageDigest.isEqual(mac(keyId, content).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String keyId, byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(keys.get(keyId));
            return HexFormat.of().formatHex(mac.doFinal(content));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static SecretKeySpec spec(String key, String what) {
        if (key == null || key.strip().length() < MIN_LENGTH) {
            throw new IllegalStateException(what + " must be at least " + MIN_LENGTH + " characters");
        }
        return new SecretKeySpec(key.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** "k" and the first 8 bytes of SHA-256 over a label and the key: names the key without revealing it. */
    static String idOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("brigades-audit-key-id\n" + key.strip()).getBytes(StandardCharsets.UTF_8));
            return "k" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The key in the file, or a new random one written there first (atomically: the first process wins). */
    static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".audit-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(temp, key, StandardCharsets.UTF_8);
                Files.createLink(file, temp); // fails if another process got there first
                return key;
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit key file " + file, e);
        }
    }
}
