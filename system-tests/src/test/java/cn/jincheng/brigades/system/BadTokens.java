package cn.jincheng.brigades.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens the gateway must refuse, made from a real one: signed by another key, unsigned
 * ({@code alg: none}), expired or for another audience or issuer (signed by the stack's own key, read
 * from its data directory, so that only the claim is wrong), an HMAC keyed with the public key, a
 * role raised under the original signature, garbage. Times are taken from the real token, never from
 * the machine's clock.
 */
final class BadTokens {

    private BadTokens() {
    }

    static Map<String, String> from(String realToken, Path dataDir) throws Exception {
        SignedJWT real = SignedJWT.parse(realToken);
        JWTClaimsSet claims = real.getJWTClaimsSet();
        ECKey stackKey = ECKey.parse(Files.readString(dataDir.resolve("keys/user-token.jwk")));
        ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID(real.getHeader().getKeyID()).generate();
        Date issued = claims.getIssueTime();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("forged signature", sign(claims, otherKey));
        tokens.put("alg none", new PlainJWT(claims).serialize());
        tokens.put("alg none, signature kept", unsignedHeader(real));
        tokens.put("expired", sign(new JWTClaimsSet.Builder(claims).notBeforeTime(new Date(issued.getTime() - 7_200_000))
                .issueTime(new Date(issued.getTime() - 7_200_000)).expirationTime(new Date(issued.getTime() - 3_600_000))
                .build(), stackKey));
        tokens.put("another audience", sign(new JWTClaimsSet.Builder(claims).audience("another-api").build(), stackKey));
        tokens.put("another issuer", sign(new JWTClaimsSet.Builder(claims).issuer("https://evil.example").build(),
                stackKey));
        tokens.put("HS256 keyed with the public key", hmacWithPublicKey(claims, stackKey));
        tokens.put("role raised under the original signature", raised(real));
        tokens.put("garbage", "not.a.token");
        return tokens;
    }

    private static String sign(JWTClaimsSet claims, ECKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** The header swapped for {@code {"alg":"none"}}, payload and signature as they were. */
    private static String unsignedHeader(SignedJWT real) {
        String[] parts = real.serialize().split("\\.");
        return base64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2];
    }

    private static String hmacWithPublicKey(JWTClaimsSet claims, ECKey key) throws Exception {
        byte[] secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** The payload's role claim rewritten, header and signature kept. */
    private static String raised(SignedJWT real) {
        String[] parts = real.serialize().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("CITY_ADMIN", "SUPER_ADMIN").replace("}", ",\"county\":\"*\"}");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
