package cn.jincheng.brigades.common.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bson.Document;

import cn.jincheng.brigades.common.domain.audit.AuditLog.Broken;
import cn.jincheng.brigades.common.domain.audit.AuditLog.Verification;

/** The hash that links audit entries, and the check of a whole trail. */
public final class AuditChain {

    private AuditChain() {
    }

    /** SHA-256 over the entry's content, its place in the chain and the previous entry's hash. */
    public static String hash(Document stored) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] { "entryId", "brigadeId", "actor", "role", "action", "prevHash" }) {
            canonical.append(field).append('=').append(stored.getString(field)).append('\n');
        }
        canonical.append("seq=").append(((Number) stored.get("seq")).longValue()).append('\n');
        canonical.append("at=").append(stored.getDate("at").getTime()).append('\n');
        for (String field : new String[] { "before", "after", "request" }) {
            Document d = stored.get(field, Document.class);
            canonical.append(field).append('=').append(d == null ? "null" : d.toJson()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Walks entries in (brigade, seq) order and stops at the first that does not verify. */
    static final class Checker {
        private long entries;
        private long chains;
        private String brigade;
        private long expectedSeq;
        private String previousHash;
        private Broken broken;

        void accept(Document d) {
            if (broken != null) {
                return;
            }
            entries++;
            String brigadeId = d.getString("brigadeId");
            if (!brigadeId.equals(brigade)) {
                brigade = brigadeId;
                chains++;
                expectedSeq = 1;
                previousHash = "";
            }
            long seq = d.get("seq") instanceof Number n ? n.longValue() : -1;
            String entryId = d.getString("entryId");
            if (seq != expectedSeq) {
                broken = new Broken(brigadeId, expectedSeq, entryId, "entry " + expectedSeq + " is missing");
            } else if (!previousHash.equals(d.getString("prevHash"))) {
                broken = new Broken(brigadeId, seq, entryId, "does not link to the entry before it");
            } else if (!hash(d).equals(d.getString("hash"))) {
                broken = new Broken(brigadeId, seq, entryId, "its content was changed after it was written");
            }
            expectedSeq = seq + 1;
            previousHash = d.getString("hash");
        }

        Verification result() {
            return new Verification(entries, chains, broken);
        }
    }
}
