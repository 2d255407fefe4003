package cn.jincheng.brigades.common.domain.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A service's audit trail as the domain and the API read it: pages of one brigade's entries, and the chains' check. */
public interface AuditLog {

    /** What is wrong where a chain stops verifying (docs/adr/0010). */
    enum Fault {
        /** An entry's content no longer gives its hash, or its link to the entry before was changed. */
        EDITED,
        /** A sequence number is missing inside a chain. */
        DELETED,
        /** Entries are intact but out of their order: an entry links to another than the one before it. */
        REORDERED,
        /** The chain ends before an anchor's entry, or differs from the anchor at that entry. */
        TRUNCATED,
        /** The hashes link up but the keyed MAC does not verify: recomputed (or written) without the key. */
        WRONG_KEY
    }

    /** The first entry that does not verify. */
    record Broken(String brigadeId, long seq, String entryId, String reason, Fault fault) {

        /** An edit: what the trail reported before faults had kinds. */
        public Broken(String brigadeId, long seq, String entryId, String reason) {
            this(brigadeId, seq, entryId, reason, Fault.EDITED);
        }
    }

    /** The outcome of verifying a trail; {@code broken} is null when every chain holds. */
    record Verification(long entries, long chains, Broken broken) {
        public boolean verified() {
            return broken == null;
        }
    }

    /**
     * A signed chain head: brigade {@code brigadeId}'s chain had entry {@code seq} with hash
     * {@code hash} at {@code at}; {@code mac} is the HMAC over those under key {@code keyId}. Written
     * daily into the store and into acceptance reports, it makes a later cut or rewrite of the
     * chain detectable (seq 0 with an empty hash: the chain was empty).
     */
    record Anchor(String brigadeId, long seq, String hash, Instant at, String keyId, String mac) {
    }

    /** Entries of one brigade, newest first, strictly before the given position (both null: from the newest). */
    List<AuditEntry> list(String brigadeId, Instant beforeAt, String beforeId, int limit);

    /** Re-checks every chain from its first entry against the stored anchors; names the first broken entry, if any. */
    Verification verify();

    /** As {@link #verify()}, and also against anchors the caller kept (from a printed report, say). */
    default Verification verify(List<Anchor> supplied) {
        return verify();
    }

    /** The current heads of the brigades' chains, signed (brigades without entries: seq 0). */
    default List<Anchor> heads(Collection<String> brigadeIds) {
        return List.of();
    }
}
