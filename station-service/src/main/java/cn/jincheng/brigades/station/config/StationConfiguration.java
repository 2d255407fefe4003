package cn.jincheng.brigades.station.config;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.time.TimeSource;

@Configuration(proxyBeanMethods = false)
class StationConfiguration {

    /** The plan's dates are local dates of the city: "today" and "overdue" are judged in its zone. */
    @Bean
    TimeSource timeSource(Clock clock, @Value("${brigades.zone:Asia/Shanghai}") String zone) {
        return new TimeSource(clock, ZoneId.of(zone));
    }
}
