package cn.jincheng.brigades.station.domain.compliance;

/** Which standard a brigade is held to in a year: the full one, or the reduced one of an ADAPTED town. */
public enum Tier {
    FULL, REDUCED;

    /** FULL, REDUCED or NONE (no rules apply): how other services and the REST API name a tier. */
    public static String name(Tier tier) {
        return tier == null ? "NONE" : tier.name();
    }
}
