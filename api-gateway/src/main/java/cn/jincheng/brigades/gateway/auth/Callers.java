package cn.jincheng.brigades.gateway.auth;

import org.springframework.web.server.ServerWebExchange;

import cn.jincheng.brigades.common.domain.identity.Caller;

/**
 * Where the verified caller of a request is kept: an attribute of the exchange, set by
 * {@link BearerAuthentication} once the bearer token verified, read by the rate limit and by
 * controllers (through {@link CallerArgumentResolver}). A plain attribute rather than Reactor's
 * context: reading it costs a map look-up, and nothing has to be carried through every operator.
 */
public final class Callers {

    static final String ATTRIBUTE = Callers.class.getName();

    private Callers() {
    }

    /** The request's verified caller, or null when it carries no (valid) token. */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static void set(ServerWebExchange exchange, Caller caller) {
        exchange.getAttributes().put(ATTRIBUTE, caller);
    }
}
