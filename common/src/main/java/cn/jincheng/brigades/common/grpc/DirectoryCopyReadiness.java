package cn.jincheng.brigades.common.grpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.jincheng.brigades.common.domain.directory.DirectoryCopy;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;

/**
 * A service whose copy of the brigade directory is still empty (its first start) knows no brigade:
 * it reports NOT_SERVING on the standard health service until station-service has sent the copy,
 * so that probes (Kubernetes readiness, the gateway, run.sh) wait for it instead of users meeting
 * "unknown brigade".
 */
public final class DirectoryCopyReadiness {

    private static final Logger log = LoggerFactory.getLogger(DirectoryCopyReadiness.class);

    private final DirectoryCopy copy;
    private final HealthStatusManager health;
    private volatile boolean waiting;

    public DirectoryCopyReadiness(DirectoryCopy copy, HealthStatusManager health) {
        this.copy = copy;
        this.health = health;
        if (copy.size() == 0) {
            waiting = true;
            health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.NOT_SERVING);
            log.info("Waiting for station-service to send the brigade directory: NOT_SERVING until then");
        }
    }

    /** After brigades were added to the copy: serving from the first one on. */
    public void copyChanged() {
        if (waiting && copy.size() > 0) {
            waiting = false;
            health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
            log.info("Brigade directory received: SERVING");
        }
    }
}
