package cn.jincheng.brigades.equipment.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.jincheng.brigades.common.client.BrigadeDirectory;

@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

    @Bean(destroyMethod = "close")
    BrigadeDirectory brigadeDirectory(@Value("${brigades.dependencies.station.address}") String address,
            @Value("${brigades.dependencies.deadline:2s}") Duration deadline) {
        return new BrigadeDirectory(address, deadline);
    }
}
