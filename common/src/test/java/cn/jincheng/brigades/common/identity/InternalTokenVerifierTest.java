package cn.jincheng.brigades.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import cn.jincheng.brigades.common.errors.UnauthenticatedException;

class InternalTokenVerifierTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2019-11-15T02:00:00Z");

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
            return now;
        }
    }

    @Test
    void aRememberedTokenStillExpires() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        MovableClock clock = new MovableClock();
        InternalTokenIssuer issuer = new InternalTokenIssuer(key, Duration.ofMinutes(2), clock);
        InternalTokenVerifier verifier = new InternalTokenVerifier(key.toPublicJWK(), clock);
        Caller clerk = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
        String token = issuer.issue(clerk);
        assertThat(verifier.verify(token)).isEqualTo(clerk);
        clock.now = clock.now.plusSeconds(60);
        assertThat(verifier.verify(token)).isEqualTo(clerk); // from memory
        clock.now = clock.now.plusSeconds(120);
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aTamperedTokenIsNeverAcceptedEvenAfterTheGenuineOneWasRemembered() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        MovableClock clock = new MovableClock();
        InternalTokenVerifier verifier = new InternalTokenVerifier(key.toPublicJWK(), clock);
        String token = new InternalTokenIssuer(key, Duration.ofMinutes(2), clock).issue(new Caller("a", Role.FIRE_DEPT, null));
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(UnauthenticatedException.class);
    }
}
