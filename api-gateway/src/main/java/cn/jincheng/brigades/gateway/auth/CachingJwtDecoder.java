package cn.jincheng.brigades.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import cn.jincheng.brigades.common.domain.identity.Caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens that verified, until they expire: a user sends the same token with every request
 * for an hour, and checking its ES256 signature each time was most of a request's cost. Expiry is
 * checked on every hit; a token that failed is never remembered. Bounded in size. Each token is
 * reduced to the caller it names once, when it verifies, by the gateway's one converter.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Function<Jwt, Caller> callers;
    private final Clock clock;
    // a user token lives an hour at most; entries beyond that are dead weight
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    /** {@code callers} gives the caller a verified token names, or null when it names no valid identity. */
    CachingJwtDecoder(ReactiveJwtDecoder delegate, Function<Jwt, Caller> callers, Clock clock) {
        this.delegate = delegate;
        this.callers = callers;
        this.clock = clock;
    }

    /**
     * A token that verified, its validity window read once (a claim read through {@code Jwt} goes
     * through a conversion service on every call), and the caller it names.
     */
    static final class Verified {
        private final Jwt jwt;
        private final Instant expiresAt;
        private final Instant notBefore;
        private final Optional<Caller> caller;

        private Verified(Jwt jwt, Caller caller) {
            this.jwt = jwt;
            this.expiresAt = jwt.getExpiresAt();
            this.notBefore = jwt.getNotBefore();
            this.caller = Optional.ofNullable(caller);
        }

        Jwt jwt() {
            return jwt;
        }

        private boolean validAt(Instant now) {
            return expiresAt != null && expiresAt.isAfter(now) && (notBefore == null || !notBefore.isAfter(now));
        }

        /** The caller the token names; empty when it names no valid identity. */
        Optional<Caller> caller() {
            return caller;
        }
    }

    /** The token as verified earlier, while it is still valid; null when it has to be verified (again). */
    Verified cached(String token) {
        Verified known = verified.getIfPresent(token);
        return known != null && known.validAt(clock.instant()) ? known : null;
    }

    /** The token verified: remembered from earlier while still valid, else by the delegate (and then remembered). */
    Mono<Verified> verify(String token) {
        Verified known = cached(token);
        if (known != null) {
            return Mono.just(known);
        }
        return delegate.decode(token).map(jwt -> {
            Verified fresh = new Verified(jwt, callers.apply(jwt));
            if (fresh.expiresAt != null) {
                verified.put(token, fresh);
            }
            return fresh;
        });
    }

    @Override
    public Mono<Jwt> decode(String token) {
        return verify(token).map(Verified::jwt);
    }
}
