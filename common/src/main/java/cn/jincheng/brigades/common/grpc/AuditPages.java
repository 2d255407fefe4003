package cn.jincheng.brigades.common.grpc;

import org.bson.Document;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;

/**
 * Paging of audit trails, the same in every service: a token is the position (time, id) of the
 * last entry of a page, so that one token pages several services' trails together.
 */
public final class AuditPages {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    /** Where a page starts: strictly before this entry; both null for the newest. */
    public record Position(Instant beforeAt, String beforeId) {
    }

    private AuditPages() {
    }

    public static int pageSize(int requested) {
        new Validator().range(requested, 0, MAX_PAGE_SIZE, "pageSize").throwIfInvalid();
        return requested == 0 ? DEFAULT_PAGE_SIZE : requested;
    }

    public static Position position(String token) {
        if (token == null || token.isEmpty()) {
            return new Position(null, null);
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Position(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new ValidationException("pageToken", "is not a page token this system issued");
        }
    }

    public static String token(AuditEntry last) {
        return token(last.at(), last.id());
    }

    /** The token for the position of an entry (also used by the gateway when it merges trails). */
    public static String token(Instant at, String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (at.toEpochMilli() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A page from entries fetched one beyond the page size (to know whether more follow). */
    public static ListAuditEntriesResponse page(List<AuditEntry> fetched, int pageSize) {
        ListAuditEntriesResponse.Builder response = ListAuditEntriesResponse.newBuilder();
        fetched.stream().limit(pageSize).map(AuditPages::proto).forEach(response::addEntries);
        if (fetched.size() > pageSize) {
            response.setNextPageToken(token(fetched.get(pageSize - 1)));
        }
        return response.build();
    }

    /**
     * The page of the trail a ListAuditEntries request asks for. The caller's right to read the
     * brigade is checked by the service before (each knows its brigades its own way).
     */
    public static ListAuditEntriesResponse list(AuditLog trail, cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest r) {
        int pageSize = pageSize(r.getPageSize());
        Position from = position(r.getPageToken());
        return page(trail.list(r.getBrigadeId(), from.beforeAt(), from.beforeId(), pageSize + 1), pageSize);
    }

    /** VerifyAuditChain, for CITY_ADMIN and CITY_INSPECTOR. */
    public static cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse verify(AuditLog trail,
            cn.jincheng.brigades.common.domain.identity.Caller caller) {
        return verify(trail, caller, cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest.getDefaultInstance());
    }

    /** VerifyAuditChain with the anchors the caller kept, for CITY_ADMIN and CITY_INSPECTOR. */
    public static cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse verify(AuditLog trail,
            cn.jincheng.brigades.common.domain.identity.Caller caller,
            cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest request) {
        cn.jincheng.brigades.common.domain.identity.AccessPolicy.requireAuditVerification(caller);
        return verification(trail.verify(anchors(request)));
    }

    public static final int MAX_HEADS = 1000;

    /** The anchors of a VerifyAuditChain request; each needs a brigade and a time. */
    public static List<AuditLog.Anchor> anchors(cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest request) {
        return request.getAnchorsList().stream().map(a -> {
            new Validator().check(!a.getBrigadeId().isEmpty() && a.hasAt() && a.getSeq() >= 0, "anchors",
                    "an anchor names a brigade, a seq of 0 or more and a time").throwIfInvalid();
            return new AuditLog.Anchor(a.getBrigadeId(), a.getSeq(), a.getHash(), ProtoTime.instant(a.getAt()),
                    a.getKeyId(), a.getMac());
        }).toList();
    }

    /** The ids of a GetAuditHeads request (at most {@value #MAX_HEADS}). */
    public static List<String> headIds(cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsRequest request) {
        new Validator().check(request.getBrigadeIdsCount() <= MAX_HEADS, "brigadeIds", "at most " + MAX_HEADS)
                .throwIfInvalid();
        return request.getBrigadeIdsList().stream().distinct().toList();
    }

    public static cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse heads(List<AuditLog.Anchor> heads) {
        return cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse.newBuilder()
                .addAllHeads(heads.stream().map(AuditPages::anchor).toList()).build();
    }

    public static cn.jincheng.brigades.proto.audit.v1.AuditAnchor anchor(AuditLog.Anchor a) {
        return cn.jincheng.brigades.proto.audit.v1.AuditAnchor.newBuilder().setBrigadeId(a.brigadeId()).setSeq(a.seq())
                .setHash(a.hash()).setAt(ProtoTime.timestamp(a.at())).setKeyId(a.keyId()).setMac(a.mac()).build();
    }

    /** A trail's verification as every service answers it. */
    public static cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse verification(AuditLog.Verification v) {
        var out = cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse.newBuilder().setVerified(v.verified())
                .setEntries(v.entries()).setChains(v.chains());
        if (v.broken() != null) {
            out.setBroken(cn.jincheng.brigades.proto.audit.v1.BrokenEntry.newBuilder().setBrigadeId(v.broken().brigadeId())
                    .setSeq(v.broken().seq()).setEntryId(v.broken().entryId() == null ? "" : v.broken().entryId())
                    .setReason(v.broken().reason())
                    .setFault(cn.jincheng.brigades.proto.audit.v1.AuditFault.valueOf("AUDIT_FAULT_" + v.broken().fault().name())));
        }
        return out.build();
    }

    static cn.jincheng.brigades.proto.audit.v1.AuditEntry proto(AuditEntry e) {
        var out = cn.jincheng.brigades.proto.audit.v1.AuditEntry.newBuilder().setId(e.id()).setBrigadeId(e.brigadeId())
                .setAt(ProtoTime.timestamp(e.at())).setActor(e.actor()).setRole(e.role()).setAction(e.action());
        if (e.before() != null) {
            out.setBeforeJson(new Document(e.before()).toJson());
        }
        if (e.after() != null) {
            out.setAfterJson(new Document(e.after()).toJson());
        }
        if (e.request() != null) {
            out.setRequestJson(new Document(e.request()).toJson());
        }
        return out.build();
    }
}
