package cn.jincheng.brigades.station.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import cn.jincheng.brigades.common.config.StationIdentityProperties;
import cn.jincheng.brigades.common.grpc.client.DependencyClient;
import cn.jincheng.brigades.common.grpc.identity.OwnIdentity;
import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.proto.directory.v1.BrigadeDirectoryReplicaGrpc;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.DirectorySync;
import cn.jincheng.brigades.station.grpc.client.DirectoryReplicas;

/**
 * Keeping equipment- and staffing-service's copies of the brigade directory: station-service's own
 * identity, the clients, and a check that sends the directory to a copy that lacks brigades — every
 * two seconds until every copy is complete (at start the others may not be up yet), then every
 * thirty.
 */
@Configuration(proxyBeanMethods = false)
class DirectorySyncConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DirectorySyncConfiguration.class);
    static final Duration WHILE_INCOMPLETE = Duration.ofSeconds(2);
    static final Duration WHEN_COMPLETE = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    DirectoryReplicas directoryReplicas(StationIdentityProperties identity, Clock clock,
            @Value("${brigades.dependencies.equipment.address}") String equipment,
            @Value("${brigades.dependencies.staffing.address}") String staffing,
            DependencyClient.Deadlines deadlines, ClientTelemetry telemetry) {
        // a call carries up to 5,000 entries: it is given the time of a batch, not of a look-up
        DependencyClient.Deadlines batch = DependencyClient.Deadlines.of(deadlines.stream());
        OwnIdentity self = new OwnIdentity(InternalTokenIssuer.forStation(identity.resolveKey(), Duration.ofMinutes(2), clock),
                clock);
        return new DirectoryReplicas(List.of(
                new DependencyClient<>("equipment-service", equipment, BrigadeDirectoryReplicaGrpc::newBlockingStub,
                        batch, telemetry, self::credentials),
                new DependencyClient<>("staffing-service", staffing, BrigadeDirectoryReplicaGrpc::newBlockingStub,
                        batch, telemetry, self::credentials)));
    }

    @Bean
    DirectorySync directorySync(BrigadeRepository brigades, DirectoryReplicas replicas) {
        return new DirectorySync(brigades, replicas);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService directorySyncSchedule() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "directory-sync");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    DirectorySyncStarter directorySyncStarter(DirectorySync sync, ScheduledExecutorService directorySyncSchedule) {
        return new DirectorySyncStarter(sync, directorySyncSchedule);
    }

    /** Starts the checks once the service serves (the seed is in by then). */
    static final class DirectorySyncStarter {

        private final DirectorySync sync;
        private final ScheduledExecutorService schedule;

        DirectorySyncStarter(DirectorySync sync, ScheduledExecutorService schedule) {
            this.sync = sync;
            this.schedule = schedule;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            schedule.execute(this::check);
        }

        private void check() {
            boolean complete;
            try {
                complete = sync.reconcile();
            } catch (RuntimeException e) {
                log.warn("checking the directory copies failed: {}", e.getMessage());
                complete = false;
            }
            Duration next = complete ? WHEN_COMPLETE : WHILE_INCOMPLETE;
            schedule.schedule(this::check, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
