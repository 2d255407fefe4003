package cn.jincheng.brigades.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.jincheng.brigades.common.tokens.IdentityKeyStore;

/**
 * station-service's own signing key, with which it keeps the other services' copies of its brigade
 * directory. station-service signs with the private key; equipment- and staffing-service verify
 * with the public part. Unset in a service that neither signs nor trusts it.
 *
 * @param jwk     the key as a JWK (JSON) from a Secret ({@code STATION_IDENTITY_JWK}; the public
 *                part is enough for the services that verify)
 * @param keyFile local runs: the JWK file under {@code DATA_DIR}, created on first start
 */
@ConfigurationProperties("brigades.station-identity")
public record StationIdentityProperties(String jwk, String keyFile) {

    public boolean configured() {
        return (jwk != null && !jwk.isBlank()) || (keyFile != null && !keyFile.isBlank());
    }

    public com.nimbusds.jose.jwk.ECKey resolveKey() {
        return IdentityKeyStore.resolve(jwk, keyFile, "brigades.station-identity");
    }
}
