package cn.jincheng.brigades.common.tokens;

import cn.jincheng.brigades.common.domain.identity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;

/** Signs the short-lived identity token the gateway passes to services in gRPC metadata. */
public final class InternalTokenIssuer {

    private final EcJwtSigner signer;
    private final Duration lifetime;
    private final Clock clock;

    public InternalTokenIssuer(ECKey key, Duration lifetime, Clock clock) {
        this.signer = new EcJwtSigner(key);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(InternalTokens.ISSUER)
                .audience(InternalTokens.AUDIENCE)
                .subject(caller.subject())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim(InternalTokens.ROLE_CLAIM, caller.role().name());
        if (caller.county() != null) {
            claims.claim(InternalTokens.COUNTY_CLAIM, caller.county());
        }
        return signer.sign(claims.build());
    }

    public Duration lifetime() {
        return lifetime;
    }
}
