package cn.jincheng.brigades.gateway.backend;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request's Idempotency-Key and the hash of what the client sent, in the request's Reactor
 * context, for the backend calls to pass on; {@code replayed} is set when a service answered from
 * its store.
 */
public record IdempotentRequest(String key, String requestHash, AtomicBoolean replayed) {

    public IdempotentRequest(String key, String requestHash) {
        this(key, requestHash, new AtomicBoolean());
    }
}
