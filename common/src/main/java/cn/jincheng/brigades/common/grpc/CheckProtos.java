package cn.jincheng.brigades.common.grpc;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.CheckResult;
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

    /** A check received from another service, back in domain terms (e.g. to keep in a snapshot). */
    public static CheckResult fromProto(Check c) {
        return new CheckResult(c.getRule(), Area.valueOf(c.getArea().name().substring("COMPLIANCE_AREA_".length())),
                Severity.valueOf(c.getSeverity().name().substring("SEVERITY_".length())), c.getRequired(), c.getActual(),
                c.getMet(), c.getSource(),
                SourceStatus.valueOf(c.getSourceStatus().name().substring("SOURCE_STATUS_".length())),
                c.getPromotionReason());
    }
}
