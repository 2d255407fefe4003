package cn.jincheng.brigades.station;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** station-service: counties, brigades, housing, milestones, supervision and the audit trail. */
@SpringBootApplication
public class StationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StationServiceApplication.class, args);
    }
}
