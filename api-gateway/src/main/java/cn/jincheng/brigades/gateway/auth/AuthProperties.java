package cn.jincheng.brigades.gateway.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How users authenticate.
 *
 * @param issuerUri   the city's OpenID Connect issuer (outside the local profile)
 * @param audience    the audience tokens must be for
 * @param roleClaim   the claim holding the role (CITY_ADMIN, CITY_INSPECTOR, FIRE_DEPT, COUNTY_CLERK)
 * @param countyClaim the claim holding a county clerk's county id
 * @param local       the local profile's built-in accounts and signing key
 */
@ConfigurationProperties("brigades.auth")
public record AuthProperties(String issuerUri, String audience, String roleClaim, String countyClaim, Local local) {

    public record Local(boolean enabled, String issuer, String keyFile, Duration tokenLifetime, String demoPassword,
            List<Account> accounts) {
    }

    public record Account(String username, String role, String county) {
    }

    public boolean localEnabled() {
        return local != null && local.enabled();
    }
}
