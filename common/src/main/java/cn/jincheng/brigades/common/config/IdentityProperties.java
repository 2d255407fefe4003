package cn.jincheng.brigades.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.jincheng.brigades.common.tokens.IdentityKeyStore;

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
        return IdentityKeyStore.resolve(jwk, keyFile, "brigades.identity");
    }
}
