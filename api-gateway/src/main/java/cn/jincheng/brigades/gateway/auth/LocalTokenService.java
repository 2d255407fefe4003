package cn.jincheng.brigades.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.tokens.EcJwtSigner;

/** Issues the local profile's user tokens (ES256, with issuer, audience, expiry, role, county). */
public final class LocalTokenService {

    private final ECKey key;
    private final EcJwtSigner signer;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;
    private final String roleClaim;
    private final String countyClaim;

    public LocalTokenService(ECKey key, AuthProperties properties, Clock clock) {
        this.key = key;
        this.signer = new EcJwtSigner(key);
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
        return signer.sign(claims.build());
    }

    public Duration lifetime() {
        return lifetime;
    }

    public ECKey publicKey() {
        return key.toPublicJWK();
    }
}
