package cn.jincheng.brigades.station.domain;

import java.time.Instant;
import java.util.List;

/** The append-only audit trail. */
public interface AuditLog {

    /**
     * Entries of one brigade, newest first, after the given position (paging).
     *
     * @param beforeAt  with {@code beforeId}: the last entry of the previous page; null from the start
     */
    List<AuditEntry> list(String brigadeId, Instant beforeAt, String beforeId, int limit);
}
