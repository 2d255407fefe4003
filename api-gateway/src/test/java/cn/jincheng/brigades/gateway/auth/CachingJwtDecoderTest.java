package cn.jincheng.brigades.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

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
        Instant[] now = { NOW };
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(token -> {
            verifications.incrementAndGet();
            return token.equals("bad") ? Mono.error(new BadJwtException("bad signature"))
                    : Mono.just(jwt(NOW.plusSeconds(3600)));
        }, clock);
        decoder.decode("good").block();
        decoder.decode("good").block();
        assertThat(verifications).hasValue(1);
        for (int i = 0; i < 2; i++) {
            assertThat(decoder.decode("bad").onErrorResume(e -> Mono.empty()).block()).isNull();
        }
        assertThat(verifications).hasValue(3);
        now[0] = NOW.plusSeconds(3601);
        decoder.decode("good").block();
        assertThat(verifications).hasValue(4); // expired in memory: verified again (and the real one would refuse it)
    }
}
