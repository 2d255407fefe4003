package cn.jincheng.brigades.common.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.exception.GrpcExceptionHandler;

import cn.jincheng.brigades.common.grpc.DomainExceptionHandler;
import cn.jincheng.brigades.common.grpc.identity.CallerInterceptor;
import cn.jincheng.brigades.common.tokens.InternalTokenVerifier;

/**
 * What makes a gRPC service one of ours: every call carries a verified caller (or is refused),
 * and domain refusals become gRPC status with details. Only where a gRPC server runs.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration")
@EnableConfigurationProperties({ IdentityProperties.class, StationIdentityProperties.class })
public class ServiceIdentityAutoConfiguration {

    /** Users signed by the gateway; station-service itself too, where its key is configured. */
    @Bean
    InternalTokenVerifier internalTokenVerifier(IdentityProperties gateway, StationIdentityProperties station,
            Clock clock) {
        return new InternalTokenVerifier(gateway.resolveKey(), station.configured() ? station.resolveKey() : null, clock);
    }

    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.HIGHEST_PRECEDENCE)
    CallerInterceptor callerInterceptor(InternalTokenVerifier verifier) {
        return new CallerInterceptor(verifier);
    }

    @Bean
    GrpcExceptionHandler domainExceptionHandler() {
        return new DomainExceptionHandler();
    }
}
