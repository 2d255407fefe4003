package cn.jincheng.brigades.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Remembers tokens that verified, until they expire: a user sends the same token with every request
 * for an hour, and checking its ES256 signature each time was most of a request's cost. Expiry is
 * checked on every hit; a token that failed is never remembered. Bounded in size.
 */
final class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    // a user token lives an hour at most; entries beyond that are dead weight
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    /** The token as verified earlier, while it is still valid; null when it has to be verified (again). */
    Jwt cached(String token) {
        Jwt known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null && known.getExpiresAt() != null && known.getExpiresAt().isAfter(now)
                && (known.getNotBefore() == null || !known.getNotBefore().isAfter(now))) {
            return known;
        }
        return null;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = cached(token);
        if (known != null) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }
}
