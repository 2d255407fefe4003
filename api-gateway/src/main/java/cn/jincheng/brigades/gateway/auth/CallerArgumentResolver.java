package cn.jincheng.brigades.gateway.auth;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.problem.ApiException;
import reactor.core.publisher.Mono;

/** Lets a controller method take the verified {@link Caller} as a parameter. */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        Caller caller = Callers.of(exchange);
        return caller != null ? Mono.just(caller) : Mono.error(ApiException.unauthorized("a bearer token is required"));
    }
}
