package cn.jincheng.brigades.station.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.jincheng.brigades.common.domain.errors.DependencyUnavailableException;

/**
 * Keeps the other services' copies of the brigade directory current. New brigades are sent as
 * they are created; a copy that missed them (its service was down, or is new) is found by
 * comparing counts — brigades are never deleted nor moved, so a copy with as many brigades as here
 * holds the same ones — and is sent the whole directory, in batches.
 */
public final class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);
    static final int BATCH = 5_000;

    private final BrigadeRepository brigades;
    private final DirectoryCopies copies;

    public DirectorySync(BrigadeRepository brigades, DirectoryCopies copies) {
        this.brigades = brigades;
        this.copies = copies;
    }

    /**
     * Brigades just created (already stored): sent to every copy now, in batches. A copy that cannot
     * take them now gets them at the next {@link #reconcile}; the creation itself stands either way.
     */
    public void created(List<Brigade> created) {
        for (String copy : copies.names()) {
            Map<String, String> batch = new LinkedHashMap<>();
            try {
                for (Brigade b : created) {
                    batch.put(b.id(), b.countyId());
                    if (batch.size() == BATCH) {
                        copies.add(copy, batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    copies.add(copy, batch);
                }
            } catch (RuntimeException e) {
                log.warn("{} did not take the {} new brigades now; they follow at the next check: {}", copy,
                        created.size(), e.getMessage());
            }
        }
    }

    /**
     * Sends the whole directory to each copy that holds fewer brigades than there are.
     *
     * @return true when every copy is complete (false: one could not be reached or compared)
     */
    public boolean reconcile() {
        long total = brigades.count();
        boolean complete = true;
        for (String copy : copies.names()) {
            try {
                long held = copies.size(copy);
                if (held < total) {
                    sendAll(copy);
                    log.info("Sent the brigade directory ({} brigades) to {}, which held {}", total, copy, held);
                }
            } catch (DependencyUnavailableException e) {
                complete = false;
            }
        }
        return complete;
    }

    private void sendAll(String copy) {
        Map<String, String> batch = new LinkedHashMap<>();
        brigades.forEachCounty((brigade, county) -> {
            batch.put(brigade, county);
            if (batch.size() == BATCH) {
                copies.add(copy, batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            copies.add(copy, batch);
        }
    }
}
