package cn.jincheng.brigades.gateway.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XXssProtectionServerHttpHeadersWriter;
import org.springframework.util.unit.DataSize;

import com.nimbusds.jose.jwk.JWK;

import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.gateway.config.RequestBodyGuard;
import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The dashboard's own files only. blob: images are the photos a user picks, previewed before they
     * are sent; the service worker and the web app manifest are named so that no default widens them.
     */
    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    @Bean
    GatewaySecurity gatewaySecurity(CachingJwtDecoder decoder, AuthProperties properties, ProblemWriter problems,
            @Value("${spring.codec.max-in-memory-size:1MB}") DataSize bodyLimit,
            @Value("${brigades.web.body-drain-cap:16MB}") DataSize drainCap,
            @Value("${brigades.web.upload-limit:20MB}") DataSize uploadLimit,
            @Value("${brigades.web.upload-drain-cap:128MB}") DataSize uploadDrainCap,
            @Value("${brigades.web.rate-limit.requests:1000}") int rateLimitRequests,
            @Value("${brigades.web.rate-limit.period:10s}") Duration rateLimitPeriod, MeterRegistry meters) {
        return new GatewaySecurity(new StrictServerWebExchangeFirewall(), new RejectedRequestHandler(problems),
                secureHeaders(),
                new RequestBodyGuard(bodyLimit.toBytes(), drainCap.toBytes(), uploadLimit.toBytes(),
                        uploadDrainCap.toBytes(), problems),
                new BearerAuthentication(decoder, problems),
                new CallerRateLimit(rateLimitRequests, rateLimitPeriod, problems, meters));
    }

    /**
     * Spring Security's default response headers (no caching unless the answer says otherwise,
     * nosniff, HSTS over TLS, X-XSS-Protection 0) with frames denied, no referrer and our CSP.
     */
    static ServerHttpHeadersWriter secureHeaders() {
        XFrameOptionsServerHttpHeadersWriter frames = new XFrameOptionsServerHttpHeadersWriter();
        frames.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        ContentSecurityPolicyServerHttpHeadersWriter csp = new ContentSecurityPolicyServerHttpHeadersWriter();
        csp.setPolicyDirectives(CSP);
        ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER);
        return new CompositeServerHttpHeadersWriter(new CacheControlServerHttpHeadersWriter(),
                new ContentTypeOptionsServerHttpHeadersWriter(), new StrictTransportSecurityServerHttpHeadersWriter(),
                frames, new XXssProtectionServerHttpHeadersWriter(), csp, referrer);
    }

    @Bean
    CachingJwtDecoder jwtDecoder(AuthProperties properties, Clock clock) {
        NimbusReactiveJwtDecoder decoder;
        String issuer;
        if (properties.localEnabled()) {
            issuer = properties.local().issuer();
            JWK publicKey = IdentityKeyStore.loadOrCreate(Path.of(properties.local().keyFile())).toPublicJWK();
            decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.just(publicKey))
                    .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        } else if (properties.issuerUri() != null && !properties.issuerUri().isBlank()) {
            issuer = properties.issuerUri();
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
        } else {
            throw new IllegalStateException("No way to verify tokens: set OIDC_ISSUER_URI, or run with the local "
                    + "profile (SPRING_PROFILES_ACTIVE=local) for the demo accounts");
        }
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps, new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        CallerTokenConverter callers = new CallerTokenConverter(properties.roleClaim(), properties.countyClaim());
        return new CachingJwtDecoder(decoder, callers::convert, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "brigades.auth.local", name = "enabled", havingValue = "true")
    LoginThrottle loginThrottle(Clock clock,
            @org.springframework.beans.factory.annotation.Value("${brigades.auth.max-failures:5}") int maxFailures,
            @org.springframework.beans.factory.annotation.Value("${brigades.auth.failure-window:15m}") java.time.Duration window) {
        return new LoginThrottle(maxFailures, window, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "brigades.auth.local", name = "enabled", havingValue = "true")
    LocalAccounts localAccounts(AuthProperties properties) {
        return new LocalAccounts(properties.local().accounts(), properties.local().demoPassword());
    }

    @Bean
    @ConditionalOnProperty(prefix = "brigades.auth.local", name = "enabled", havingValue = "true")
    LocalTokenService localTokenService(AuthProperties properties, Clock clock) {
        return new LocalTokenService(IdentityKeyStore.loadOrCreate(Path.of(properties.local().keyFile())), properties,
                clock);
    }
}
