package cn.jincheng.brigades.common.config;

import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the gateway's identity-signing key comes from.
 *
 * @param jwk     the key as a JWK (JSON) from a Secret ({@code INTERNAL_IDENTITY_JWK}); services
 *                need only the public part
 * @param keyFile local runs: the JWK file under {@code DATA_DIR}, created on first start
 */
@ConfigurationProperties("brigades.identity")
public record IdentityProperties(String jwk, String keyFile) {

    public com.nimbusds.jose.jwk.ECKey resolveKey() {
        if (jwk != null && !jwk.isBlank()) {
            return IdentityKeyStore.parse(jwk);
        }
        if (keyFile == null || keyFile.isBlank()) {
            throw new IllegalStateException("set brigades.identity.jwk or brigades.identity.key-file");
        }
        return IdentityKeyStore.loadOrCreate(java.nio.file.Path.of(keyFile));
    }
}
