package cn.jincheng.brigades.gateway.auth;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.util.unit.DataSize;

import com.nimbusds.jose.jwk.JWK;

import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.gateway.config.RequestBodyGuard;
import cn.jincheng.brigades.gateway.problem.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/**
 * Every {@code /api/v1/**} call but the token endpoint needs a valid bearer token: signed by the
 * local key (local profile) or by the configured OpenID Connect issuer, for our audience, not
 * expired. Failures are problem+json 401/403. Sessions, CSRF tokens and form login do not exist:
 * the API is stateless.
 */
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
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            AuthProperties properties, ProblemWriter problems,
            @Value("${spring.codec.max-in-memory-size:1MB}") DataSize bodyLimit,
            @Value("${brigades.web.body-drain-cap:16MB}") DataSize drainCap,
            @Value("${brigades.web.upload-limit:20MB}") DataSize uploadLimit,
            @Value("${brigades.web.upload-drain-cap:128MB}") DataSize uploadDrainCap,
            @Value("${brigades.web.rate-limit.requests:1000}") int rateLimitRequests,
            @Value("${brigades.web.rate-limit.period:10s}") Duration rateLimitPeriod, MeterRegistry meters) {
        return http
                .addFilterAfter(new RequestBodyGuard(bodyLimit.toBytes(), drainCap.toBytes(),
                        uploadLimit.toBytes(), uploadDrainCap.toBytes(), problems),
                        SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterBefore(new CallerRateLimit(rateLimitRequests, rateLimitPeriod, problems, meters),
                        SecurityWebFiltersOrder.AUTHORIZATION)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(ex -> ex
                        .pathMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new CallerTokenConverter(properties.roleClaim(),
                                        properties.countyClaim())))
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "a valid bearer token is required", null))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "not allowed", null)))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                                "a valid bearer token is required", null))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN,
                                "not allowed", null)))
                .headers(h -> h
                        .frameOptions(f -> f.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .build();
    }

    /** Picked up by Spring Security's filter chain proxy for what its firewall refuses. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequestHandler(ProblemWriter problems) {
        return new RejectedRequestHandler(problems);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(AuthProperties properties, Clock clock) {
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
        return new CachingJwtDecoder(decoder, clock);
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
