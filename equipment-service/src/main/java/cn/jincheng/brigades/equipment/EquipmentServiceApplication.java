package cn.jincheng.brigades.equipment;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import cn.jincheng.brigades.common.time.TimeSource;

/** equipment-service: vehicles, equipment, the standards catalog, checks, drills, equipment compliance. */
@SpringBootApplication
public class EquipmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EquipmentServiceApplication.class, args);
    }

    /** Dates (expiry, drills, "today") are the city's local dates. */
    @Bean
    TimeSource timeSource(Clock clock, @Value("${brigades.zone:Asia/Shanghai}") String zone) {
        return new TimeSource(clock, ZoneId.of(zone));
    }
}
