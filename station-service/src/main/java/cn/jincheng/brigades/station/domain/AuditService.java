package cn.jincheng.brigades.station.domain;

import cn.jincheng.brigades.common.audit.AuditEntry;
import cn.jincheng.brigades.common.audit.AuditTrail;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.identity.Caller;

/** Reading the audit trail of a brigade, in the caller's scope. Nothing edits or deletes entries. */
@Service
public class AuditService {

    private final BrigadeService brigadeService;
    private final AuditTrail auditLog;

    public AuditService(BrigadeService brigadeService, AuditTrail auditLog) {
        this.brigadeService = brigadeService;
        this.auditLog = auditLog;
    }

    public List<AuditEntry> list(Caller caller, String brigadeId, Instant beforeAt, String beforeId, int limit) {
        brigadeService.get(caller, brigadeId); // 404 for unknown ids, 403 outside the caller's county
        return auditLog.list(brigadeId, beforeAt, beforeId, limit);
    }
}
