package cn.jincheng.brigades.common.persistence;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.jincheng.brigades.common.domain.time.TimeSource;

/**
 * Runs the day's anchoring ({@link AuditTrail#anchorDay}) on one background thread: right after
 * start (which anchors the chains of a store from before format 2) and then every interval; the
 * business day comes from the business clock, so the work is done once per day whatever the
 * interval, and a fixed clock in a test decides the day.
 */
public final class AuditAnchoring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);

    private final AuditTrail trail;
    private final TimeSource time;
    private final ScheduledExecutorService scheduler;

    public AuditAnchoring(AuditTrail trail, TimeSource time, Duration interval) {
        this.trail = trail;
        this.time = time;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-anchoring");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at the day: anchors it if it is not done yet. @return anchors written */
    public int runOnce() {
        try {
            int written = trail.anchorDay(time.today());
            if (written > 0) {
                LOG.info("audit anchoring: {} chain heads anchored for {}", written, time.today());
            }
            return written;
        } catch (RuntimeException e) { // the store away: the next interval tries again
            LOG.warn("audit anchoring failed, to be tried again: {}", e.toString());
            return 0;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
