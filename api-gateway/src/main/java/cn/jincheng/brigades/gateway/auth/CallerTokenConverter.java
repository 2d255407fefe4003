package cn.jincheng.brigades.gateway.auth;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import reactor.core.publisher.Mono;

/**
 * A verified JWT → the caller: subject, role and (for clerks) county from the configured claims.
 * A token without a usable role, or a clerk's token without a county, is not a valid identity here.
 */
final class CallerTokenConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final String roleClaim;
    private final String countyClaim;

    CallerTokenConverter(String roleClaim, String countyClaim) {
        this.roleClaim = roleClaim;
        this.countyClaim = countyClaim;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        Role role = Role.parse(jwt.getClaimAsString(roleClaim));
        String county = jwt.getClaimAsString(countyClaim);
        if (role == null || jwt.getSubject() == null) {
            return Mono.error(new InvalidBearerTokenException("the token names no known role"));
        }
        if (role == Role.COUNTY_CLERK && (county == null || county.isBlank())) {
            return Mono.error(new InvalidBearerTokenException("a county clerk's token names no county"));
        }
        return Mono.just(new CallerAuthentication(new Caller(jwt.getSubject(), role, county)));
    }
}
