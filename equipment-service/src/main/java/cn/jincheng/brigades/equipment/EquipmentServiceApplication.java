package cn.jincheng.brigades.equipment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** equipment-service: vehicles, equipment, the standards catalog, checks, drills, equipment compliance. */
@SpringBootApplication
public class EquipmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EquipmentServiceApplication.class, args);
    }
}
