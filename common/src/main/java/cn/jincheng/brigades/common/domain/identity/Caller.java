package cn.jincheng.brigades.common.domain.identity;

import java.util.Objects;

/**
 * Who is calling: a verified user with one role and, for county clerks, the one county they serve.
 *
 * @param subject the user name (token subject)
 * @param role    the user's role
 * @param county  the county id of a COUNTY_CLERK; null for city-wide roles
 */
public record Caller(String subject, Role role, String county) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        if (role == Role.COUNTY_CLERK && (county == null || county.isBlank())) {
            throw new IllegalArgumentException("a county clerk must have a county");
        }
        if (role != Role.COUNTY_CLERK) {
            county = null;
        }
    }

    public boolean isCountyClerk() {
        return role == Role.COUNTY_CLERK;
    }

    /** True when the caller may see the data of the given county (city roles see all). */
    public boolean sees(String countyId) {
        return !isCountyClerk() || county.equals(countyId);
    }

    public boolean hasAnyRole(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }
}
