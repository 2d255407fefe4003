package cn.jincheng.brigades.common.tokens;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;

/**
 * Verifies an internal identity token: ES256 with the key of its issuer, our audience, not
 * expired, a subject and a role that issuer may give. The gateway's key signs users (never
 * STATION_SERVICE); station-service's key, where this service trusts it, signs station-service
 * itself and nothing else. Anything else (no token, {@code alg: none}, another key, a user's own
 * token, an expired one) is refused. Claims are checked by Nimbus' claims verifier, on the
 * business clock.
 */
public final class InternalTokenVerifier {

    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final Set<Role> USERS = Set.of(Role.CITY_ADMIN, Role.CITY_INSPECTOR, Role.FIRE_DEPT, Role.COUNTY_CLERK);

    /** What one issuer may sign. */
    private record Issuer(ECDSAVerifier signature, DefaultJWTClaimsVerifier<SecurityContext> claims, Set<Role> roles) {
    }

    /** A verified token's caller, until the token expires. */
    private record Verified(Caller caller, Instant expires) {
    }

    private final Map<String, Issuer> issuers = new HashMap<>();
    private final Clock clock;
    // The gateway reuses a caller's token for a minute: verifying its signature once per token, not
    // once per call, takes the dominant cost off every request. A token's validity cannot change
    // before its expiry, which is checked on every hit; the cache is bounded in entries and time.
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /** Trusts the gateway's key only. */
    public InternalTokenVerifier(ECKey gatewayKey, Clock clock) {
        this(gatewayKey, null, clock);
    }

    /** Trusts the gateway's key for users and, when given, station-service's key for station-service. */
    public InternalTokenVerifier(ECKey gatewayKey, ECKey stationKey, Clock clock) {
        this.clock = clock;
        issuers.put(InternalTokens.ISSUER, issuer(gatewayKey, InternalTokens.ISSUER, USERS));
        if (stationKey != null) {
            issuers.put(InternalTokens.STATION_ISSUER, issuer(stationKey, InternalTokens.STATION_ISSUER,
                    Set.of(Role.STATION_SERVICE)));
        }
    }

    private Issuer issuer(ECKey key, String name, Set<Role> roles) {
        try {
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(InternalTokens.AUDIENCE,
                    new JWTClaimsSet.Builder().issuer(name).build(), Set.of("sub", "exp", InternalTokens.ROLE_CLAIM)) {
                @Override
                protected Date currentTime() {
                    return Date.from(clock.instant());
                }
            };
            claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
            return new Issuer(new ECDSAVerifier(key.toPublicJWK()), claims, roles);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not an EC verification key", e);
        }
    }

    public Caller verify(String token) {
        if (token == null || token.isBlank()) {
            throw new UnauthenticatedException("no caller identity");
        }
        Verified known = verified.getIfPresent(token);
        if (known != null && known.expires().plusSeconds(CLOCK_SKEW_SECONDS).isAfter(clock.instant())) {
            return known.caller();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Issuer issuer = issuers.get(claims.getIssuer());
            if (issuer == null) {
                throw new UnauthenticatedException("caller identity has the wrong issuer");
            }
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(issuer.signature())) {
                throw new UnauthenticatedException("caller identity does not verify");
            }
            issuer.claims().verify(claims, null);
            Role role = role(claims.getStringClaim(InternalTokens.ROLE_CLAIM));
            if (role == null || !issuer.roles().contains(role)) {
                throw new UnauthenticatedException("caller identity carries a role its issuer may not give");
            }
            Caller caller = new Caller(claims.getSubject(), role, claims.getStringClaim(InternalTokens.COUNTY_CLAIM));
            verified.put(token, new Verified(caller, claims.getExpirationTime().toInstant()));
            return caller;
        } catch (BadJWTException e) {
            throw new UnauthenticatedException("caller identity is not valid: " + e.getMessage());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new UnauthenticatedException("caller identity is malformed");
        }
    }

    private static Role role(String claim) {
        for (Role role : Role.values()) {
            if (role.name().equals(claim)) {
                return role;
            }
        }
        return null;
    }
}
