package cn.jincheng.brigades.common.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;

import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.idempotency.IdempotencyRecords;
import cn.jincheng.brigades.common.grpc.idempotency.IdempotencyInterceptor;
import cn.jincheng.brigades.common.persistence.MongoIdempotencyRecords;

/**
 * Idempotency-Keys kept in each service's own database, shared by all its replicas (and so by
 * every gateway replica): see docs/adr/0011. Where a gRPC server runs on a MongoDB database.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration")
@ConditionalOnProperty(prefix = "brigades.mongo", name = "database")
public class IdempotencyAutoConfiguration {

    /**
     * {@code ttl}: how long a retry is recognised (a day, as clients were told). {@code lease}: how
     * long a claim is taken to mean "still running"; longer than the longest call (an import's
     * deadline is two minutes), so only a service that stopped mid-request leaves one behind.
     */
    @Bean
    IdempotencyRecords idempotencyRecords(MongoDatabase database, Clock clock,
            @Value("${brigades.idempotency.ttl:24h}") Duration ttl,
            @Value("${brigades.idempotency.lease:5m}") Duration lease) {
        return new MongoIdempotencyRecords(database, ttl, lease, clock);
    }

    /** Inside the caller interceptor (HIGHEST_PRECEDENCE): the verified caller owns the key. */
    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    IdempotencyInterceptor idempotencyInterceptor(IdempotencyRecords records) {
        return new IdempotencyInterceptor(records);
    }
}
