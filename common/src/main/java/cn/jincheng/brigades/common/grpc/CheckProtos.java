package cn.jincheng.brigades.common.grpc;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.RuleStanding;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.proto.compliance.v1.Check;
import cn.jincheng.brigades.proto.compliance.v1.ComplianceArea;

/** A check as every service sends it (compliance.v1). */
public final class CheckProtos {

    private CheckProtos() {
    }

    public static Check check(CheckResult c) {
        return Check.newBuilder().setRule(c.rule())
                .setArea(ComplianceArea.valueOf("COMPLIANCE_AREA_" + c.area().name()))
                .setSeverity(cn.jincheng.brigades.proto.compliance.v1.Severity.valueOf("SEVERITY_" + c.severity().name()))
                .setRequired(c.required()).setActual(c.actual()).setMet(c.met())
                .setSource(c.source() == null ? "" : c.source())
                .setSourceStatus(cn.jincheng.brigades.proto.compliance.v1.SourceStatus
                        .valueOf("SOURCE_STATUS_" + c.sourceStatus().name()))
                .setPromotionReason(c.promotionReason())
                .build();
    }

    public static cn.jincheng.brigades.proto.compliance.v1.Severity severity(Severity s) {
        return cn.jincheng.brigades.proto.compliance.v1.Severity.valueOf("SEVERITY_" + s.name());
    }

    public static cn.jincheng.brigades.proto.compliance.v1.SourceStatus sourceStatus(SourceStatus s) {
        return cn.jincheng.brigades.proto.compliance.v1.SourceStatus.valueOf("SOURCE_STATUS_" + s.name());
    }

    public static ComplianceArea area(Area a) {
        return ComplianceArea.valueOf("COMPLIANCE_AREA_" + a.name());
    }

    /**
     * A check received from another service, back in domain terms (e.g. to keep in a snapshot). A
     * service not yet upgraded may still send the retired {@code SOURCE_STATUS_STANDARD} (number
     * {@value #RETIRED_STANDARD}): it reads as REFERENCE, as stored values do, and the check keeps
     * the severity such a rule has in effect (ADVISORY unless promoted with a reason).
     */
    public static CheckResult fromProto(Check c) {
        SourceStatus status = c.getSourceStatusValue() == RETIRED_STANDARD ? SourceStatus.REFERENCE
                : SourceStatus.valueOf(c.getSourceStatus().name().substring("SOURCE_STATUS_".length()));
        Severity declared = Severity.valueOf(c.getSeverity().name().substring("SEVERITY_".length()));
        return new CheckResult(c.getRule(), Area.valueOf(c.getArea().name().substring("COMPLIANCE_AREA_".length())),
                RuleStanding.effective(declared, status, c.getPromotionReason()), c.getRequired(), c.getActual(),
                c.getMet(), c.getSource(), status, c.getPromotionReason());
    }

    /** The number of the retired {@code SOURCE_STATUS_STANDARD} (reserved in compliance.proto). */
    static final int RETIRED_STANDARD = 2;
}
