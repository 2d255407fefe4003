package cn.jincheng.brigades.staffing.grpc;

import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.proto.staffing.v1.PublishRulesRequest;
import cn.jincheng.brigades.proto.staffing.v1.Rule;
import cn.jincheng.brigades.staffing.domain.rules.RuleKind;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRule;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/** The staffing rules ↔ staffing.v1. */
final class RulesProtos {

    private RulesProtos() {
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
                .setSourceStatus(CheckProtos.sourceStatus(x.sourceStatus())).setPromotionReason(x.promotionReason())));
        return out.build();
    }

    /** The new set of rules of a publish request; an unset enum refuses the call naming the rule's field. */
    static List<StaffingRule> rules(PublishRulesRequest r) {
        List<StaffingRule> list = new ArrayList<>();
        for (int i = 0; i < r.getRulesCount(); i++) {
            list.add(rule(r.getRules(i), "rules[" + i + "]"));
        }
        return list;
    }

    private static StaffingRule rule(Rule r, String at) {
        return new StaffingRule(r.getId(), named(Area.class, r.getArea().name(), "COMPLIANCE_AREA_", at + ".area"),
                named(Severity.class, r.getSeverity().name(), "SEVERITY_", at + ".severity"),
                named(RuleKind.class, r.getKind().name(), "RULE_KIND_", at + ".kind"), r.getLevelsList(),
                r.getTiersList(), r.getMin(), r.getRateYuan(), r.getDescription(), r.getSource(),
                named(SourceStatus.class, r.getSourceStatus().name(), "SOURCE_STATUS_", at + ".sourceStatus"),
                r.getPromotionReason());
    }

    private static <E extends Enum<E>> E named(Class<E> type, String protoName, String prefix, String field) {
        if (!protoName.startsWith(prefix) || protoName.endsWith("UNSPECIFIED")) {
            throw new ValidationException(field, "is required");
        }
        return Enum.valueOf(type, protoName.substring(prefix.length()));
    }
}
