package cn.jincheng.brigades.staffing.domain.audit;

import cn.jincheng.brigades.common.domain.audit.AuditLog;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;

/**
 * Who may read this service's audit trail: a brigade's entries whoever may read the brigade, the
 * whole trail's verification the city's administrator and inspectors.
 */
public class BrigadeTrails {

    private final BrigadeDirectory directory;
    private final AuditLog log;

    public BrigadeTrails(BrigadeDirectory directory, AuditLog log) {
        this.directory = directory;
        this.log = log;
    }

    /**
     * The trail to page through the brigade's entries, once the caller may read the brigade
     * (unknown: not found; another county's, for a clerk: denied).
     */
    public AuditLog of(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId);
        return log;
    }

    public AuditLog.Verification verify(Caller caller) {
        AccessPolicy.requireAuditVerification(caller);
        return log.verify();
    }
}
