package cn.jincheng.brigades.common.domain.identity;

/**
 * The four kinds of user of api-v1.md's authorization table, and station-service itself when it
 * keeps the other services' copies of its brigade directory (never a user: no user token can
 * carry it, and it may do nothing but that).
 */
public enum Role {
    CITY_ADMIN,
    CITY_INSPECTOR,
    FIRE_DEPT,
    COUNTY_CLERK,
    STATION_SERVICE;

    /** The user role named by a token claim, or null when the claim names none of the users' roles. */
    public static Role parse(String claim) {
        if (claim == null) {
            return null;
        }
        for (Role role : values()) {
            if (role != STATION_SERVICE && role.name().equals(claim)) {
                return role;
            }
        }
        return null;
    }
}
