package cn.jincheng.brigades.common.config;

import cn.jincheng.brigades.common.domain.time.TimeSource;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * One clock and one business zone for every process (services, gateway, seeders). The zone is
 * {@code brigades.zone} ({@code BRIGADES_ZONE}), {@code Asia/Shanghai} by default; a test replaces
 * the {@link Clock} bean with a fixed one and everything that asks for the time follows it.
 */
@AutoConfiguration
public class BusinessTimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return TimeSource.systemClock();
    }

    @Bean
    @ConditionalOnMissingBean
    TimeSource timeSource(Clock clock, @Value("${brigades.zone:Asia/Shanghai}") String zone) {
        return new TimeSource(clock, businessZone(zone));
    }

    static ZoneId businessZone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("brigades.zone (BRIGADES_ZONE) '" + zone
                    + "' is not a time-zone id such as Asia/Shanghai", e);
        }
    }
}
