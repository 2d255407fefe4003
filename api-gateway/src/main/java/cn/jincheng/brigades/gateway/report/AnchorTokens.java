package cn.jincheng.brigades.gateway.report;

import java.time.Instant;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.proto.audit.v1.AuditAnchor;

/**
 * A signed chain head as one printable string, as reports carry it and {@code GET
 * /api/v1/audit/verify?anchor=} takes it back (docs/adr/0010):
 * {@code <service>:<seq>:<at epoch ms>:<keyId>:<hash>:<mac>:<brigadeId>} — the brigade id last, so
 * that whatever it contains the other parts are found.
 */
public final class AnchorTokens {

    /** A token read back: the service whose chain it anchors, and the anchor. */
    public record Parsed(String service, AuditAnchor anchor) {
    }

    private AnchorTokens() {
    }

    public static String format(String service, AuditAnchor a) {
        return service + ":" + a.getSeq() + ":" + ProtoTime.instant(a.getAt()).toEpochMilli() + ":" + a.getKeyId() + ":"
                + a.getHash() + ":" + a.getMac() + ":" + a.getBrigadeId();
    }

    /** @throws IllegalArgumentException when the text is not a token in this form */
    public static Parsed parse(String token) {
        String[] parts = token.split(":", 7);
        if (parts.length != 7 || parts[6].isEmpty()) {
            throw new IllegalArgumentException("an anchor is service:seq:at:keyId:hash:mac:brigadeId");
        }
        try {
            return new Parsed(parts[0], AuditAnchor.newBuilder().setSeq(Long.parseLong(parts[1]))
                    .setAt(ProtoTime.timestamp(Instant.ofEpochMilli(Long.parseLong(parts[2])))).setKeyId(parts[3])
                    .setHash(parts[4]).setMac(parts[5]).setBrigadeId(parts[6]).build());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an anchor's seq and time are numbers: service:seq:at:keyId:hash:mac:brigadeId");
        }
    }
}
