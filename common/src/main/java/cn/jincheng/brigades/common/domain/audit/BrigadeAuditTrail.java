package cn.jincheng.brigades.common.domain.audit;

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
        AccessPolicy.requireAuditVerification(caller);
        return log.verify();
    }
}
