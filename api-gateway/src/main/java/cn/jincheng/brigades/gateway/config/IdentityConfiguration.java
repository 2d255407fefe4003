package cn.jincheng.brigades.gateway.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.config.IdentityProperties;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;

/** The gateway signs the identity services verify; the key is the same one they load. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    @Bean
    InternalTokenIssuer internalTokenIssuer(IdentityProperties properties, Clock clock,
            @Value("${brigades.identity.token-lifetime:2m}") Duration lifetime) {
        return new InternalTokenIssuer(properties.resolveKey(), lifetime, clock);
    }
}
