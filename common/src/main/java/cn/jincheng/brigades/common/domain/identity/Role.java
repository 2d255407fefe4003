package cn.jincheng.brigades.common.domain.identity;

/** The four kinds of user of api-v1.md's authorization table. */
public enum Role {
    CITY_ADMIN,
    CITY_INSPECTOR,
    FIRE_DEPT,
    COUNTY_CLERK;

    /** The role named by a token claim, or null when the claim names none of ours. */
    public static Role parse(String claim) {
        if (claim == null) {
            return null;
        }
        for (Role role : values()) {
            if (role.name().equals(claim)) {
                return role;
            }
        }
        return null;
    }
}
