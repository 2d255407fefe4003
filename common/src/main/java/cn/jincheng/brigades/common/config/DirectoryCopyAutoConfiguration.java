package cn.jincheng.brigades.common.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.directory.DirectoryReplication;
import cn.jincheng.brigades.common.grpc.DirectoryCopyReadiness;
import cn.jincheng.brigades.common.grpc.DirectoryReplicaGrpcService;
import cn.jincheng.brigades.common.persistence.MongoBrigadeDirectory;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * A service that keeps a copy of station-service's brigade directory ({@code brigades.directory.copy=true}):
 * the copy in its own database (the {@code BrigadeDirectory} its domain asks), the gRPC service
 * station-service keeps it current through, and readiness that waits for a first copy.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class,
        afterName = "org.springframework.boot.grpc.server.autoconfigure.health.GrpcServerHealthAutoConfiguration")
@ConditionalOnProperty(prefix = "brigades.directory", name = "copy", havingValue = "true")
public class DirectoryCopyAutoConfiguration {

    @Bean
    MongoBrigadeDirectory brigadeDirectory(MongoDatabase database) {
        return new MongoBrigadeDirectory(database);
    }

    @Bean
    DirectoryCopyReadiness directoryCopyReadiness(MongoBrigadeDirectory copy, HealthStatusManager health) {
        return new DirectoryCopyReadiness(copy, health);
    }

    @Bean
    DirectoryReplicaGrpcService directoryReplicaGrpcService(MongoBrigadeDirectory copy, DirectoryCopyReadiness readiness) {
        return new DirectoryReplicaGrpcService(new DirectoryReplication(copy, readiness::copyChanged));
    }
}
