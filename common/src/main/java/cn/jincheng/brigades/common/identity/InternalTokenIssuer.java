package cn.jincheng.brigades.common.identity;

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

/** Signs the short-lived identity token the gateway passes to services in gRPC metadata. */
public final class InternalTokenIssuer {

    private final ECKey key;
    private final ECDSASigner signer;
    private final Duration lifetime;
    private final Clock clock;

    public InternalTokenIssuer(ECKey key, Duration lifetime, Clock clock) {
        try {
            this.key = key;
            this.signer = new ECDSASigner(key);
            this.lifetime = lifetime;
            this.clock = clock;
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a private EC signing key", e);
        }
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
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an identity token", e);
        }
        return jwt.serialize();
    }

    public Duration lifetime() {
        return lifetime;
    }
}
