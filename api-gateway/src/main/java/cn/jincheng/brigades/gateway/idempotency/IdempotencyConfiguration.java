package cn.jincheng.brigades.gateway.idempotency;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.gateway.problem.ProblemWriter;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    /** A web filter bean runs after the gateway's security filter (order -100), so every key belongs to a verified user. */
    @Bean
    IdempotencyFilter idempotencyFilter(ProblemWriter problems) {
        return new IdempotencyFilter(problems);
    }
}
