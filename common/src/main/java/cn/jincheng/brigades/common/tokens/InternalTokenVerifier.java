package cn.jincheng.brigades.common.tokens;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;

/**
 * Verifies a gateway-signed identity token: ES256 with the gateway's public key, our issuer and
 * audience, not expired. Anything else (no token, {@code alg: none}, another key, a user's own
 * token, an expired one) is refused.
 */
public final class InternalTokenVerifier {

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** A verified token's caller, until the token expires. */
    private record Verified(Caller caller, java.time.Instant expires) {
    }

    private static final int CACHE_LIMIT = 10_000;

    private final ECDSAVerifier verifier;
    private final Clock clock;
    // The gateway reuses a caller's token for a minute: verifying its signature once per token, not
    // once per call, takes the dominant cost off every request. A token's validity cannot change
    // before its expiry, which is checked on every hit.
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified =
            new java.util.concurrent.ConcurrentHashMap<>();

    public InternalTokenVerifier(ECKey publicKey, Clock clock) {
        try {
            this.verifier = new ECDSAVerifier(publicKey.toPublicJWK());
            this.clock = clock;
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not an EC verification key", e);
        }
    }

    public Caller verify(String token) {
        if (token == null || token.isBlank()) {
            throw new UnauthenticatedException("no caller identity");
        }
        Verified known = verified.get(token);
        if (known != null && known.expires().plus(CLOCK_SKEW).isAfter(clock.instant())) {
            return known.caller();
        }
        Caller caller = verifySignatureAndClaims(token);
        if (verified.size() >= CACHE_LIMIT) {
            verified.clear();
        }
        return caller;
    }

    private Caller verifySignatureAndClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                throw new UnauthenticatedException("caller identity does not verify");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            checkClaims(claims);
            Role role = Role.parse(claims.getStringClaim(InternalTokens.ROLE_CLAIM));
            if (role == null || claims.getSubject() == null) {
                throw new UnauthenticatedException("caller identity lacks a subject or role");
            }
            Caller caller = new Caller(claims.getSubject(), role, claims.getStringClaim(InternalTokens.COUNTY_CLAIM));
            verified.put(token, new Verified(caller, claims.getExpirationTime().toInstant()));
            return caller;
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new UnauthenticatedException("caller identity is malformed");
        }
    }

    private void checkClaims(JWTClaimsSet claims) {
        if (!InternalTokens.ISSUER.equals(claims.getIssuer())) {
            throw new UnauthenticatedException("caller identity has the wrong issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(InternalTokens.AUDIENCE)) {
            throw new UnauthenticatedException("caller identity has the wrong audience");
        }
        Date expires = claims.getExpirationTime();
        if (expires == null || expires.toInstant().plus(CLOCK_SKEW).isBefore(clock.instant())) {
            throw new UnauthenticatedException("caller identity has expired");
        }
    }
}
