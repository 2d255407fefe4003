package cn.jincheng.brigades.common.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

import cn.jincheng.brigades.common.domain.audit.AuditLog.Anchor;
import cn.jincheng.brigades.common.domain.audit.AuditLog.Broken;
import cn.jincheng.brigades.common.domain.audit.AuditLog.Fault;
import cn.jincheng.brigades.common.domain.audit.AuditLog.Verification;

/** The hashes and MACs that link audit entries, and the check of a whole trail (docs/adr/0003, 0010). */
public final class AuditChain {

    private AuditChain() {
    }

    /**
     * Format 1 (entries without {@code format}): SHA-256 over a text form of the entry whose views
     * are the driver's default JSON. Kept to verify the entries written before format 2.
     */
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
        return sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Format 2: SHA-256 over the canonical bytes ({@link AuditCanonical#entry}), which include the previous hash. */
    public static String hashV2(BsonDocument stored) {
        return sha256(AuditCanonical.entry(stored));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A chain that verified to its end: the brigade and its last entry. */
    record Head(String brigadeId, long seq, String hash, int format) {
    }

    /** One entry as the check needs it: a few strings, so that a long chain costs little memory. */
    private record Link(long seq, String entryId, String hash, String prevHash, int format, boolean contentHolds,
            String keyId, boolean keyHolds) {
    }

    /**
     * Walks entries in (brigade, seq) order, a chain at a time, and names the first fault (the
     * first broken chain in brigade order; within it the first entry; the anchors after the entries).
     */
    static final class Checker {
        private final AuditKeys keys;
        private final Function<BsonDocument, Document> asDocument;
        private final Map<String, List<Anchor>> anchors;
        private final java.util.function.Consumer<Head> verifiedHeads;
        private final Set<String> seen = new HashSet<>();
        private final List<Link> chain = new ArrayList<>();
        private long entries;
        private long chains;
        private String brigade;
        private Broken broken;

        /**
         * @param anchors       per brigade, the anchors the chain must agree with (their MACs already checked)
         * @param verifiedHeads told the head of every chain that verifies
         */
        Checker(AuditKeys keys, Function<BsonDocument, Document> asDocument, Map<String, List<Anchor>> anchors,
                java.util.function.Consumer<Head> verifiedHeads) {
            this.keys = keys;
            this.asDocument = asDocument;
            this.anchors = anchors;
            this.verifiedHeads = verifiedHeads;
        }

        void accept(BsonDocument d) {
            entries++;
            String brigadeId = text(d, "brigadeId");
            if (!brigadeId.equals(brigade)) {
                finishChain();
                brigade = brigadeId;
                seen.add(brigadeId);
                chains++;
            }
            chain.add(link(d));
        }

        private Link link(BsonDocument d) {
            long seq = d.get("seq") != null && d.get("seq").isNumber() ? d.get("seq").asNumber().longValue() : -1;
            BsonValue format = d.get("format");
            int f = format == null ? AuditCanonical.V1 : format.isNumber() ? format.asNumber().intValue() : -1;
            String hash = text(d, "hash");
            boolean content;
            boolean key = false;
            if (f == AuditCanonical.V2) {
                byte[] canonical = AuditCanonical.entry(d);
                content = sha256(canonical).equals(hash);
                key = keys.verifies(text(d, "keyId"), canonical, text(d, "mac"));
            } else if (f == AuditCanonical.V1) {
                content = v1Holds(d, hash);
            } else {
                content = false;
            }
            return new Link(seq, text(d, "entryId"), hash, text(d, "prevHash"), f, content, text(d, "keyId"), key);
        }

        private boolean v1Holds(BsonDocument d, String hash) {
            try {
                return hash(asDocument.apply(d)).equals(hash);
            } catch (RuntimeException e) { // a field of the wrong type: not what was written
                return false;
            }
        }

        private void finishChain() {
            if (brigade == null) {
                return;
            }
            Broken fault = fault(brigade, chain, anchors.getOrDefault(brigade, List.of()));
            if (fault == null && !chain.isEmpty()) {
                Link last = chain.get(chain.size() - 1);
                verifiedHeads.accept(new Head(brigade, last.seq(), last.hash(), last.format()));
            }
            if (broken == null) {
                broken = fault;
            }
            chain.clear();
        }

        private Broken fault(String brigadeId, List<Link> links, List<Anchor> anchored) {
            Set<String> hashes = new HashSet<>();
            links.forEach(l -> hashes.add(l.hash()));
            boolean keyed = false;
            String previous = "";
            for (int i = 0; i < links.size(); i++) {
                Link l = links.get(i);
                long expected = i + 1L;
                if (l.seq() > expected) {
                    return new Broken(brigadeId, expected, null, "entry " + expected + " is missing", Fault.DELETED);
                }
                boolean linked = previous.equals(l.prevHash());
                if (!linked && !l.prevHash().isEmpty() && hashes.contains(l.prevHash())) {
                    return new Broken(brigadeId, expected, l.entryId(),
                            "links to another entry of the chain than the one before it: entries were moved", Fault.REORDERED);
                }
                if (l.seq() < expected) {
                    return new Broken(brigadeId, expected, l.entryId(), "its place in the chain was changed", Fault.EDITED);
                }
                if (!l.contentHolds()) {
                    return new Broken(brigadeId, expected, l.entryId(), "its content was changed after it was written",
                            Fault.EDITED);
                }
                if (!linked) {
                    return new Broken(brigadeId, expected, l.entryId(), "does not link to the entry before it", Fault.EDITED);
                }
                if (l.format() == AuditCanonical.V2) {
                    keyed = true;
                    if (!keys.knows(l.keyId())) {
                        return new Broken(brigadeId, expected, l.entryId(), "signed with key '" + l.keyId()
                                + "', which this service does not hold", Fault.WRONG_KEY);
                    }
                    if (!l.keyHolds()) {
                        return new Broken(brigadeId, expected, l.entryId(), "its hashes link up but its MAC does not "
                                + "verify: written or recomputed without the key", Fault.WRONG_KEY);
                    }
                } else if (keyed) {
                    return new Broken(brigadeId, expected, l.entryId(), "an unkeyed (format 1) entry after keyed ones",
                            Fault.WRONG_KEY);
                }
                previous = l.hash();
            }
            for (Anchor a : anchored) {
                if (a.seq() > links.size()) {
                    return new Broken(brigadeId, links.size() + 1L, null, "the chain ends at entry " + links.size()
                            + " but was anchored at entry " + a.seq() + " on " + a.at(), Fault.TRUNCATED);
                }
                if (a.seq() > 0 && !links.get((int) a.seq() - 1).hash().equals(a.hash())) {
                    return new Broken(brigadeId, a.seq(), links.get((int) a.seq() - 1).entryId(), "differs from the "
                            + "anchor of " + a.at() + ": the chain was rewritten from here or before", Fault.TRUNCATED);
                }
            }
            return null;
        }

        Verification result() {
            finishChain();
            brigade = null;
            // chains the anchors know of but the trail no longer holds at all
            for (Map.Entry<String, List<Anchor>> e : new TreeMap<>(anchors).entrySet()) {
                if (broken == null && !seen.contains(e.getKey())) {
                    broken = fault(e.getKey(), List.of(), e.getValue());
                }
            }
            return new Verification(entries, chains, broken);
        }

        private static String text(BsonDocument d, String field) {
            BsonValue v = d.get(field);
            return v != null && v.isString() ? v.asString().getValue() : "";
        }
    }

    /** Anchors grouped by brigade, for the checker. */
    static Map<String, List<Anchor>> byBrigade(List<Anchor> anchors) {
        Map<String, List<Anchor>> out = new HashMap<>();
        anchors.forEach(a -> out.computeIfAbsent(a.brigadeId(), b -> new ArrayList<>()).add(a));
        return out;
    }
}
