package cn.jincheng.brigades.common.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
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

    @Test
    void stationServiceIsTrustedOnlyWithItsOwnKeyAndUsersOnlyWithTheGateways() throws Exception {
        ECKey gateway = new ECKeyGenerator(Curve.P_256).keyID("gateway").generate();
        ECKey station = new ECKeyGenerator(Curve.P_256).keyID("station").generate();
        MovableClock clock = new MovableClock(Instant.parse("2019-11-15T02:00:00Z"));
        InternalTokenVerifier verifier = new InternalTokenVerifier(gateway.toPublicJWK(), station.toPublicJWK(), clock);
        Caller stationService = InternalTokenIssuer.stationService();
        Caller admin = new Caller("admin", Role.CITY_ADMIN, null);

        assertThat(verifier.verify(InternalTokenIssuer.forStation(station, Duration.ofMinutes(2), clock)
                .issue(stationService))).isEqualTo(stationService);
        assertThat(verifier.verify(new InternalTokenIssuer(gateway, Duration.ofMinutes(2), clock).issue(admin))).isEqualTo(admin);
        // the gateway's key cannot make station-service, nor station-service's key a user
        assertThatThrownBy(() -> verifier.verify(new InternalTokenIssuer(gateway, Duration.ofMinutes(2), clock)
                .issue(stationService))).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> verifier.verify(InternalTokenIssuer.forStation(station, Duration.ofMinutes(2), clock)
                .issue(admin))).isInstanceOf(UnauthenticatedException.class);
        // a station token signed with the gateway's key claims the wrong signer
        assertThatThrownBy(() -> verifier.verify(InternalTokenIssuer.forStation(gateway, Duration.ofMinutes(2), clock)
                .issue(stationService))).isInstanceOf(UnauthenticatedException.class);
        // and a service that does not trust station-service refuses it
        assertThatThrownBy(() -> new InternalTokenVerifier(gateway.toPublicJWK(), clock).verify(InternalTokenIssuer
                .forStation(station, Duration.ofMinutes(2), clock).issue(stationService)))
                .isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void noUserRoleClaimCanNameStationService() {
        assertThat(Role.parse("STATION_SERVICE")).isNull();
        assertThat(Role.parse("CITY_ADMIN")).isEqualTo(Role.CITY_ADMIN);
    }
}
