package cn.jincheng.brigades.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.MovableClock;
import reactor.core.publisher.Mono;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2019-11-15T02:00:00Z");

    private static Jwt jwt(Instant expires) {
        return Jwt.withTokenValue("t").header("alg", "ES256").subject("admin").issuedAt(NOW.minusSeconds(10))
                .expiresAt(expires).build();
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpiresAndAFailureNever() {
        AtomicInteger verifications = new AtomicInteger();
        MovableClock clock = new MovableClock(NOW);

        CachingJwtDecoder decoder = new CachingJwtDecoder(token -> {
            verifications.incrementAndGet();
            return token.equals("bad") ? Mono.error(new BadJwtException("bad signature"))
                    : Mono.just(jwt(NOW.plusSeconds(3600)));
        }, jwt -> null, clock);
        decoder.decode("good").block();
        decoder.decode("good").block();
        assertThat(verifications).hasValue(1);
        for (int i = 0; i < 2; i++) {
            assertThat(decoder.decode("bad").onErrorResume(e -> Mono.empty()).block()).isNull();
        }
        assertThat(verifications).hasValue(3);
        clock.advance(java.time.Duration.ofSeconds(3601));
        decoder.decode("good").block();
        assertThat(verifications).hasValue(4); // expired in memory: verified again (and the real one would refuse it)
    }

    @Test
    void aRememberedTokenIsReducedToItsCallerOnceAndNotRememberedAfterItExpires() {
        MovableClock clock = new MovableClock(NOW);
        AtomicInteger conversions = new AtomicInteger();
        CachingJwtDecoder decoder = new CachingJwtDecoder(token -> Mono.just(jwt(NOW.plusSeconds(60))), jwt -> {
            conversions.incrementAndGet();
            return new Caller(jwt.getSubject(), Role.CITY_ADMIN, null);
        }, clock);

        assertThat(decoder.cached("good")).isNull();
        assertThat(decoder.verify("good").block().caller()).contains(new Caller("admin", Role.CITY_ADMIN, null));
        for (int i = 0; i < 3; i++) {
            assertThat(decoder.cached("good").caller()).contains(new Caller("admin", Role.CITY_ADMIN, null));
        }
        assertThat(conversions).hasValue(1);

        clock.advance(java.time.Duration.ofSeconds(61));
        assertThat(decoder.cached("good")).isNull();
    }

    @Test
    void aTokenNotYetValidIsNotTakenFromMemory() {
        MovableClock clock = new MovableClock(NOW);
        Jwt later = Jwt.withTokenValue("t").header("alg", "ES256").subject("admin").notBefore(NOW.plusSeconds(30))
                .expiresAt(NOW.plusSeconds(3600)).build();
        CachingJwtDecoder decoder = new CachingJwtDecoder(token -> Mono.just(later), jwt -> null, clock);
        decoder.verify("early").block();
        assertThat(decoder.cached("early")).isNull();
        clock.advance(java.time.Duration.ofSeconds(31));
        assertThat(decoder.cached("early").jwt()).isSameAs(later);
    }
}
