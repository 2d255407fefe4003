package cn.jincheng.brigades.common.config;

import cn.jincheng.brigades.common.grpc.client.BrigadeDirectory;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;

/** The brigade directory, in every service that names station-service as a dependency. */
@AutoConfiguration(after = TelemetryAutoConfiguration.class)
@ConditionalOnProperty("brigades.dependencies.station.address")
public class DirectoryAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BrigadeDirectory brigadeDirectory(@Value("${brigades.dependencies.station.address}") String address,
            @Value("${brigades.dependencies.deadline:2s}") Duration deadline, ClientTelemetry telemetry) {
        return new BrigadeDirectory(address, deadline, telemetry);
    }
}
