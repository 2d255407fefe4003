package cn.jincheng.brigades.common.domain.audit;

import java.time.Instant;
import java.util.List;

/** A service's audit trail as the domain and the API read it: pages of one brigade's entries, and the chains' check. */
public interface AuditLog {

    /** The first entry that does not verify. */
    record Broken(String brigadeId, long seq, String entryId, String reason) {
    }

    /** The outcome of verifying a trail; {@code broken} is null when every chain holds. */
    record Verification(long entries, long chains, Broken broken) {
        public boolean verified() {
            return broken == null;
        }
    }

    /** Entries of one brigade, newest first, strictly before the given position (both null: from the newest). */
    List<AuditEntry> list(String brigadeId, Instant beforeAt, String beforeId, int limit);

    /** Re-checks every chain from its first entry; names the first broken entry, if any. */
    Verification verify();
}
