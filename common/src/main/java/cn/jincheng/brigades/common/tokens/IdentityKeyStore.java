package cn.jincheng.brigades.common.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * Signing keys kept as JWK files in the data directory (local runs), generated on first use.
 *
 * <p>Several processes may start at once against one data directory; the first to link its
 * freshly written key into place wins and the others read that one, so all agree on one key.
 * Keys are never committed: they live only under {@code DATA_DIR}. On Kubernetes the keys come
 * from Secrets instead (see {@link #parse}).
 */
public final class IdentityKeyStore {

    private IdentityKeyStore() {
    }

    public static ECKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.getParent());
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Path temp = Files.createTempFile(file.getParent(), ".key", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
                Files.createLink(file, temp); // atomic, and fails if another process got there first
                return key;
            } catch (FileAlreadyExistsException raced) {
                return read(file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** A key from a JWK given inline (a Secret), or else from a key file (local runs); {@code property} names the setting. */
    public static ECKey resolve(String jwk, String keyFile, String property) {
        if (jwk != null && !jwk.isBlank()) {
            return parse(jwk);
        }
        if (keyFile == null || keyFile.isBlank()) {
            throw new IllegalStateException("set " + property + ".jwk or " + property + ".key-file");
        }
        return loadOrCreate(Path.of(keyFile));
    }

    public static ECKey parse(String jwkJson) {
        try {
            return ECKey.parse(jwkJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an EC JWK: " + e.getMessage(), e);
        }
    }

    private static ECKey read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
