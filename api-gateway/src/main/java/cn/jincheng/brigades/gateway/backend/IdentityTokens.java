package cn.jincheng.brigades.gateway.backend;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.jincheng.brigades.common.grpc.identity.BearerCallCredentials;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import io.grpc.CallCredentials;

/**
 * The caller's identity as the services verify it: a short-lived token the gateway signs. A token
 * is reused for half its lifetime, so signing costs nothing per request under load.
 */
@Component
public class IdentityTokens {

    private record Issued(CallCredentials credentials, Instant renewAfter) {
    }

    private final InternalTokenIssuer issuer;
    private final Clock clock;
    private final Cache<Caller, Issued> cache;

    public IdentityTokens(InternalTokenIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        this.cache = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(issuer.lifetime()).build();
    }

    public CallCredentials credentials(Caller caller) {
        Instant now = clock.instant();
        Issued issued = cache.getIfPresent(caller);
        if (issued == null || now.isAfter(issued.renewAfter())) {
            issued = new Issued(new BearerCallCredentials(issuer.issue(caller)),
                    now.plus(issuer.lifetime().dividedBy(2)));
            cache.put(caller, issued);
        }
        return issued.credentials();
    }
}
