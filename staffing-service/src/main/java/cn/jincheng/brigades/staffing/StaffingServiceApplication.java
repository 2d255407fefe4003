package cn.jincheng.brigades.staffing;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import cn.jincheng.brigades.common.time.TimeSource;

/** staffing-service: firefighters, funding, and the staffing and funding rules. */
@SpringBootApplication
public class StaffingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffingServiceApplication.class, args);
    }

    /** Headcount "on a date" and funding years are the city's local dates. */
    @Bean
    TimeSource timeSource(Clock clock, @Value("${brigades.zone:Asia/Shanghai}") String zone) {
        return new TimeSource(clock, ZoneId.of(zone));
    }
}
