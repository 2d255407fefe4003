package cn.jincheng.brigades.gateway.idempotency;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.gateway.problem.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** A web filter bean runs after Spring Security's chain, so every key belongs to a verified user. */
    @Bean
    IdempotencyFilter idempotencyFilter(ProblemWriter problems, Clock clock,
            @Value("${brigades.idempotency.ttl:24h}") Duration ttl,
            @Value("${brigades.idempotency.max-records:100000}") int maxRecords) {
        return new IdempotencyFilter(new IdempotencyStore(ttl, maxRecords, clock), problems);
    }
}
