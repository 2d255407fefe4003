package cn.jincheng.brigades.common.domain.audit;

import java.util.Collection;
import java.util.List;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;

/**
 * Who may read a service's audit trail (equipment- and staffing-service, which know brigades from
 * their directory copy): a brigade's entries whoever may read the brigade, the
 * check of every chain the city administrator and inspectors.
 */
public class BrigadeAuditTrail {

    private final AuditLog log;
    private final BrigadeDirectory directory;

    public BrigadeAuditTrail(AuditLog log, BrigadeDirectory directory) {
        this.log = log;
        this.directory = directory;
    }

    /** The trail to page a brigade's entries from, once the caller may read the brigade (404 unknown, 403 another county). */
    public AuditLog of(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId);
        return log;
    }

    public AuditLog.Verification verify(Caller caller) {
        return verify(caller, List.of());
    }

    /** The check of every chain, also against anchors the caller kept. */
    public AuditLog.Verification verify(Caller caller, List<AuditLog.Anchor> supplied) {
        AccessPolicy.requireAuditVerification(caller);
        return log.verify(supplied);
    }

    /** Signed heads of the chains of the brigades the caller may read; the others are left out. */
    public List<AuditLog.Anchor> heads(Caller caller, Collection<String> brigadeIds) {
        return log.heads(directory.countiesOf(caller, brigadeIds).keySet());
    }
}
