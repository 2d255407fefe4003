package cn.jincheng.brigades.common.tokens;

/** The names both ends of the gateway→service identity hand-over agree on. */
public final class InternalTokens {

    /** Issuer of internal identity tokens: only the gateway signs them. */
    public static final String ISSUER = "brigades-api-gateway";
    /** Audience: the gRPC services. A user's own token (other audience) is refused by services. */
    public static final String AUDIENCE = "brigades-services";
    public static final String ROLE_CLAIM = "role";
    public static final String COUNTY_CLAIM = "county";

    private InternalTokens() {
    }
}
