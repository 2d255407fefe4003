package cn.jincheng.brigades.gateway.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import cn.jincheng.brigades.common.testing.MovableClock;

class IdempotencyStoreTest {

    @Test
    void aKeyIsClaimedOnceRepliedAfterwardsAndRefusedForAnotherRequest() {
        IdempotencyStore store = new IdempotencyStore(Duration.ofHours(24), 1000,
                Clock.fixed(Instant.parse("2019-11-15T02:00:00Z"), ZoneOffset.UTC));
        assertThat(store.claim("u|/p|k1", "hashA")).isEqualTo(IdempotencyStore.Claim.PROCEED);
        assertThat(store.claim("u|/p|k1", "hashA")).isEqualTo(IdempotencyStore.Claim.IN_PROGRESS);
        store.complete("u|/p|k1", new IdempotencyStore.Answer(201, new HttpHeaders(), new byte[] { 1 }));
        assertThat(store.claim("u|/p|k1", "hashA")).isEqualTo(IdempotencyStore.Claim.REPLAY);
        assertThat(store.answer("u|/p|k1").status()).isEqualTo(201);
        assertThat(store.claim("u|/p|k1", "hashB")).isEqualTo(IdempotencyStore.Claim.MISMATCH);
    }

    @Test
    void aFailedRequestReleasesItsKeyAndOldKeysExpire() {
        MovableClock clock = new MovableClock(Instant.parse("2019-11-15T02:00:00Z"));

        IdempotencyStore store = new IdempotencyStore(Duration.ofHours(24), 1000, clock);
        store.claim("k", "h");
        store.release("k");
        assertThat(store.claim("k", "h")).isEqualTo(IdempotencyStore.Claim.PROCEED);
        store.complete("k", new IdempotencyStore.Answer(201, new HttpHeaders(), new byte[0]));
        clock.advance(Duration.ofHours(25));
        assertThat(store.claim("k", "other")).isEqualTo(IdempotencyStore.Claim.PROCEED);
    }
}
