package cn.jincheng.brigades.staffing.grpc;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.time.LocalDate;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.proto.staffing.v1.Certification;
import cn.jincheng.brigades.proto.staffing.v1.Employment;
import cn.jincheng.brigades.proto.staffing.v1.FundingSource;
import cn.jincheng.brigades.proto.staffing.v1.Rule;
import cn.jincheng.brigades.staffing.compliance.StaffingEngine;
import cn.jincheng.brigades.staffing.funding.Funding;
import cn.jincheng.brigades.staffing.roster.Firefighter;
import cn.jincheng.brigades.staffing.rules.RuleKind;
import cn.jincheng.brigades.staffing.rules.StaffingRule;
import cn.jincheng.brigades.staffing.rules.StaffingRules;

/** Domain ↔ staffing.v1. */
final class StaffingProtoMapper {

    private StaffingProtoMapper() {
    }

    static cn.jincheng.brigades.proto.staffing.v1.Firefighter firefighter(Firefighter f, LocalDate asOf) {
        var out = cn.jincheng.brigades.proto.staffing.v1.Firefighter.newBuilder().setId(f.id())
                .setBrigadeId(f.brigadeId()).setName(f.name())
                .setEmployment(Employment.valueOf("EMPLOYMENT_" + f.employment().name()))
                .setStartDate(ProtoTime.date(f.startDate())).setActive(f.activeOn(asOf));
        if (f.endDate() != null) {
            out.setEndDate(ProtoTime.date(f.endDate()));
        }
        f.certifications().forEach(c -> {
            var b = Certification.newBuilder().setName(c.name());
            if (c.expiresOn() != null) {
                b.setExpiresOn(ProtoTime.date(c.expiresOn()));
            }
            out.addCertifications(b);
        });
        return out.build();
    }

    static cn.jincheng.brigades.staffing.roster.Employment employment(Employment e) {
        return switch (e) {
            case EMPLOYMENT_LABOUR_DISPATCH -> cn.jincheng.brigades.staffing.roster.Employment.LABOUR_DISPATCH;
            case EMPLOYMENT_CONTRACT -> cn.jincheng.brigades.staffing.roster.Employment.CONTRACT;
            case EMPLOYMENT_CAREER -> cn.jincheng.brigades.staffing.roster.Employment.CAREER;
            default -> null;
        };
    }

    static cn.jincheng.brigades.staffing.funding.FundingSource source(FundingSource s) {
        return s == FundingSource.FUNDING_SOURCE_UNSPECIFIED || s == FundingSource.UNRECOGNIZED ? null
                : cn.jincheng.brigades.staffing.funding.FundingSource.valueOf(s.name().substring("FUNDING_SOURCE_".length()));
    }

    static cn.jincheng.brigades.proto.staffing.v1.Funding funding(Funding f) {
        return cn.jincheng.brigades.proto.staffing.v1.Funding.newBuilder().setBrigadeId(f.brigadeId()).setYear(f.year())
                .setSource(FundingSource.valueOf("FUNDING_SOURCE_" + f.source().name())).setAmountYuan(f.amountYuan())
                .setUpdatedBy(f.updatedBy()).setUpdatedAt(ProtoTime.timestamp(f.updatedAt())).build();
    }

    static cn.jincheng.brigades.proto.staffing.v1.StaffingRules rules(StaffingRules r) {
        var out = cn.jincheng.brigades.proto.staffing.v1.StaffingRules.newBuilder().setId(r.id()).setVersion(r.version())
                .setPublishedBy(r.publishedBy() == null ? "" : r.publishedBy()).setNote(r.note() == null ? "" : r.note());
        if (r.publishedAt() != null) {
            out.setPublishedAt(ProtoTime.timestamp(r.publishedAt()));
        }
        r.rules().forEach(x -> out.addRules(Rule.newBuilder().setId(x.id()).setArea(CheckProtos.area(x.area()))
                .setSeverity(CheckProtos.severity(x.severity()))
                .setKind(cn.jincheng.brigades.proto.staffing.v1.RuleKind.valueOf("RULE_KIND_" + x.kind().name()))
                .addAllLevels(x.levels()).addAllTiers(x.tiers()).setMin(x.min()).setRateYuan(x.rateYuan())
                .setDescription(x.description() == null ? "" : x.description()).setSource(x.source())
                .setSourceStatus(CheckProtos.sourceStatus(x.sourceStatus()))));
        return out.build();
    }

    static StaffingRule rule(Rule r, String at) {
        return new StaffingRule(r.getId(), named(Area.class, r.getArea().name(), "COMPLIANCE_AREA_", at + ".area"),
                named(Severity.class, r.getSeverity().name(), "SEVERITY_", at + ".severity"),
                named(RuleKind.class, r.getKind().name(), "RULE_KIND_", at + ".kind"), r.getLevelsList(),
                r.getTiersList(), r.getMin(), r.getRateYuan(), r.getDescription(), r.getSource(),
                named(SourceStatus.class, r.getSourceStatus().name(), "SOURCE_STATUS_", at + ".sourceStatus"));
    }

    static BrigadeStaffing staffing(StaffingEngine.Result r) {
        var out = BrigadeStaffing.newBuilder().setBrigadeId(r.brigadeId()).setStandard(r.standard())
                .setCompliant(r.compliant()).setHeadcount(r.headcount());
        r.checks().forEach(c -> out.addChecks(CheckProtos.check(c)));
        return out.build();
    }

    private static <E extends Enum<E>> E named(Class<E> type, String protoName, String prefix, String field) {
        if (!protoName.startsWith(prefix) || protoName.endsWith("UNSPECIFIED")) {
            throw new ValidationException(field, "is required");
        }
        return Enum.valueOf(type, protoName.substring(prefix.length()));
    }

    static cn.jincheng.brigades.staffing.roster.RosterImports.FirefighterRow firefighterRow(
            cn.jincheng.brigades.proto.staffing.v1.FirefighterRow r) {
        return new cn.jincheng.brigades.staffing.roster.RosterImports.FirefighterRow(r.getRow(), r.getBrigadeId(),
                r.getName(), employment(r.getEmployment()),
                cn.jincheng.brigades.common.domain.imports.ImportAccess.date(r.hasStartDate(), r.getStartDate(), r.getRow(), "startDate"),
                cn.jincheng.brigades.common.domain.imports.ImportAccess.date(r.hasEndDate(), r.getEndDate(), r.getRow(), "endDate"));
    }
}
