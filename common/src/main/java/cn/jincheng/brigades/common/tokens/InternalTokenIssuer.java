package cn.jincheng.brigades.common.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;

/**
 * Signs the short-lived identity token passed to services in gRPC metadata: the gateway's for a
 * user, station-service's for itself ({@link #forStation}).
 */
public final class InternalTokenIssuer {

    private final EcJwtSigner signer;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public InternalTokenIssuer(ECKey key, Duration lifetime, Clock clock) {
        this(key, InternalTokens.ISSUER, lifetime, clock);
    }

    private InternalTokenIssuer(ECKey key, String issuer, Duration lifetime, Clock clock) {
        this.signer = new EcJwtSigner(key);
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** station-service's issuer of its own identity, signed with its key. */
    public static InternalTokenIssuer forStation(ECKey key, Duration lifetime, Clock clock) {
        return new InternalTokenIssuer(key, InternalTokens.STATION_ISSUER, lifetime, clock);
    }

    /** station-service as a caller (for {@link #issue}). */
    public static Caller stationService() {
        return new Caller(InternalTokens.STATION_SUBJECT, Role.STATION_SERVICE, null);
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
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
