package cn.jincheng.brigades.common.tokens;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;
import cn.jincheng.brigades.common.testing.MovableClock;

class InternalTokenVerifierTest {


    @Test
    void aRememberedTokenStillExpires() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        MovableClock clock = new MovableClock(Instant.parse("2019-11-15T02:00:00Z"));
        InternalTokenIssuer issuer = new InternalTokenIssuer(key, Duration.ofMinutes(2), clock);
        InternalTokenVerifier verifier = new InternalTokenVerifier(key.toPublicJWK(), clock);
        Caller clerk = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
        String token = issuer.issue(clerk);
        assertThat(verifier.verify(token)).isEqualTo(clerk);
        clock.advance(Duration.ofSeconds(60));
        assertThat(verifier.verify(token)).isEqualTo(clerk); // from memory
        clock.advance(Duration.ofSeconds(120));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void aTamperedTokenIsNeverAcceptedEvenAfterTheGenuineOneWasRemembered() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        MovableClock clock = new MovableClock(Instant.parse("2019-11-15T02:00:00Z"));
        InternalTokenVerifier verifier = new InternalTokenVerifier(key.toPublicJWK(), clock);
        String token = new InternalTokenIssuer(key, Duration.ofMinutes(2), clock).issue(new Caller("a", Role.FIRE_DEPT, null));
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "x." + parts[2];
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(UnauthenticatedException.class);
    }
}
