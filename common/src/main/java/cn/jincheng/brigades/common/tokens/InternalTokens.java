package cn.jincheng.brigades.common.tokens;

/** The names both ends of an identity hand-over (gateway → service, station-service → service) agree on. */
public final class InternalTokens {

    /** Issuer of users' internal identity tokens: only the gateway signs them. */
    public static final String ISSUER = "brigades-api-gateway";
    /**
     * Issuer of station-service's own identity, with which it keeps the other services' copies of
     * its brigade directory; signed with station-service's key, carrying role STATION_SERVICE only.
     */
    public static final String STATION_ISSUER = "brigades-station-service";
    public static final String STATION_SUBJECT = "station-service";
    /** Audience: the gRPC services. A user's own token (other audience) is refused by services. */
    public static final String AUDIENCE = "brigades-services";
    public static final String ROLE_CLAIM = "role";
    public static final String COUNTY_CLAIM = "county";

    private InternalTokens() {
    }
}
