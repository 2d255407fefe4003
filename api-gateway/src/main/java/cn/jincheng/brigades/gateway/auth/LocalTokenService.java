package cn.jincheng.brigades.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.jincheng.brigades.common.identity.Caller;

/** Issues the local profile's user tokens (ES256, with issuer, audience, expiry, role, county). */
public final class LocalTokenService {

    private final ECKey key;
    private final ECDSASigner signer;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    private final String roleClaim;
    private final String countyClaim;

    public LocalTokenService(ECKey key, AuthProperties properties, Clock clock) {
        try {
            this.key = key;
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("the local signing key is not a private EC key", e);
        }
        this.issuer = properties.local().issuer();
        this.audience = properties.audience();
        this.lifetime = properties.local().tokenLifetime();
        this.roleClaim = properties.roleClaim();
        this.countyClaim = properties.countyClaim();
        this.clock = clock;
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject(caller.subject())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim(roleClaim, caller.role().name());
        if (caller.county() != null) {
            claims.claim(countyClaim, caller.county());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    public Duration lifetime() {
        return lifetime;
    }

    public ECKey publicKey() {
        return key.toPublicJWK();
    }
}
