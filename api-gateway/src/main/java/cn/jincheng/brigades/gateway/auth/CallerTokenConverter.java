package cn.jincheng.brigades.gateway.auth;

import org.springframework.security.oauth2.jwt.Jwt;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;

/**
 * A verified JWT → the caller: subject, role and (for clerks) county from the configured claims.
 * A token without a usable role, or a clerk's token without a county, is not a valid identity here.
 */
final class CallerTokenConverter {

    private final String roleClaim;
    private final String countyClaim;

    CallerTokenConverter(String roleClaim, String countyClaim) {
        this.roleClaim = roleClaim;
        this.countyClaim = countyClaim;
    }

    /** The caller the token names, or null when it names no valid identity. */
    Caller convert(Jwt jwt) {
        Role role = Role.parse(jwt.getClaimAsString(roleClaim));
        String county = jwt.getClaimAsString(countyClaim);
        if (role == null || jwt.getSubject() == null) {
            return null;
        }
        if (role == Role.COUNTY_CLERK && (county == null || county.isBlank())) {
            return null;
        }
        return new Caller(jwt.getSubject(), role, county);
    }
}
