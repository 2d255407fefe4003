package cn.jincheng.brigades.staffing.grpc;

import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.grpc.ImportProtos;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.proto.staffing.v1.AddFirefighterRequest;
import cn.jincheng.brigades.proto.staffing.v1.Employment;
import cn.jincheng.brigades.proto.staffing.v1.FirefighterRow;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersResponse;
import cn.jincheng.brigades.staffing.domain.roster.Certification;
import cn.jincheng.brigades.staffing.domain.roster.Firefighter;
import cn.jincheng.brigades.staffing.domain.roster.Roster;
import cn.jincheng.brigades.staffing.domain.roster.RosterImports;

/** The roster ↔ staffing.v1. */
final class RosterProtos {

    private RosterProtos() {
    }

    /** A firefighter as the API shows it, with whether they serve on {@code active}'s day. */
    static cn.jincheng.brigades.proto.staffing.v1.Firefighter firefighter(Firefighter f, boolean active) {
        var out = cn.jincheng.brigades.proto.staffing.v1.Firefighter.newBuilder().setId(f.id())
                .setBrigadeId(f.brigadeId()).setName(f.name())
                .setEmployment(Employment.valueOf("EMPLOYMENT_" + f.employment().name()))
                .setStartDate(ProtoTime.date(f.startDate())).setActive(active);
        if (f.endDate() != null) {
            out.setEndDate(ProtoTime.date(f.endDate()));
        }
        f.certifications().forEach(c -> {
            var b = cn.jincheng.brigades.proto.staffing.v1.Certification.newBuilder().setName(c.name());
            if (c.expiresOn() != null) {
                b.setExpiresOn(ProtoTime.date(c.expiresOn()));
            }
            out.addCertifications(b);
        });
        return out.build();
    }

    static ListFirefightersResponse roster(Roster roster) {
        return ListFirefightersResponse.newBuilder()
                .addAllFirefighters(roster.firefighters().stream().map(f -> firefighter(f, roster.active(f))).toList())
                .setActiveCount(roster.activeCount()).build();
    }

    /** Unset or unknown: null, which the domain refuses naming the field. */
    static cn.jincheng.brigades.staffing.domain.roster.Employment employment(Employment e) {
        return switch (e) {
            case EMPLOYMENT_LABOUR_DISPATCH -> cn.jincheng.brigades.staffing.domain.roster.Employment.LABOUR_DISPATCH;
            case EMPLOYMENT_CONTRACT -> cn.jincheng.brigades.staffing.domain.roster.Employment.CONTRACT;
            case EMPLOYMENT_CAREER -> cn.jincheng.brigades.staffing.domain.roster.Employment.CAREER;
            default -> null;
        };
    }

    static List<Certification> certifications(AddFirefighterRequest r) {
        List<Certification> certifications = new ArrayList<>();
        for (int i = 0; i < r.getCertificationsCount(); i++) {
            var c = r.getCertifications(i);
            certifications.add(new Certification(c.getName(), ProtoTime.localDate(c.getExpiresOn(),
                    c.hasExpiresOn(), "certifications[" + i + "].expiresOn")));
        }
        return certifications;
    }

    static RosterImports.FirefighterRow firefighterRow(FirefighterRow r) {
        return new RosterImports.FirefighterRow(r.getRow(), r.getBrigadeId(), r.getName(), employment(r.getEmployment()),
                ImportProtos.date(r.hasStartDate(), r.getStartDate(), r.getRow(), "startDate"),
                ImportProtos.date(r.hasEndDate(), r.getEndDate(), r.getRow(), "endDate"));
    }
}
