package cn.jincheng.brigades.common.grpc.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import io.grpc.CallCredentials;

/**
 * A service calling as itself (station-service keeping the directory copies): a token of its own,
 * signed with its key, reused until shortly before it expires and then signed anew.
 */
public final class OwnIdentity {

    private record Issued(CallCredentials credentials, Instant renewAfter) {
    }

    private final InternalTokenIssuer issuer;
    private final Clock clock;
    private final AtomicReference<Issued> current = new AtomicReference<>();

    public OwnIdentity(InternalTokenIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    public CallCredentials credentials() {
        Instant now = clock.instant();
        Issued issued = current.get();
        if (issued == null || !now.isBefore(issued.renewAfter())) {
            issued = new Issued(new BearerCallCredentials(issuer.issue(InternalTokenIssuer.stationService())),
                    now.plus(issuer.lifetime().dividedBy(2)));
            current.set(issued);
        }
        return issued.credentials();
    }
}
