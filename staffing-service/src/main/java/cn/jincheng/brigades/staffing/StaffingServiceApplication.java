package cn.jincheng.brigades.staffing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** staffing-service: firefighters, funding, and the staffing and funding rules. */
@SpringBootApplication
public class StaffingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StaffingServiceApplication.class, args);
    }
}
