package cn.jincheng.brigades.station.grpc;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.County;
import cn.jincheng.brigades.proto.station.v1.Housing;
import cn.jincheng.brigades.proto.station.v1.Milestone;
import cn.jincheng.brigades.proto.station.v1.OverdueMilestone;
import cn.jincheng.brigades.station.domain.BrigadeLevel;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.CountySummary;
import cn.jincheng.brigades.station.domain.HousingPatch;
import cn.jincheng.brigades.station.domain.MilestoneService;
import cn.jincheng.brigades.station.domain.Room;

/** Domain values ↔ station.v1 messages. Enum names differ only by the proto type prefix. */
final class StationProtoMapper {

    private StationProtoMapper() {
    }

    static County county(CountySummary s) {
        return County.newBuilder().setId(s.county().id()).setName(s.county().name()).setKind(s.county().kind())
                .setBrigadeCount(s.brigadeCount()).build();
    }

    static Brigade brigade(cn.jincheng.brigades.station.domain.Brigade b, String countyName) {
        return Brigade.newBuilder()
                .setId(b.id()).setCountyId(b.countyId()).setCountyName(countyName).setTown(b.town())
                .setLevel(cn.jincheng.brigades.proto.station.v1.BrigadeLevel.valueOf("BRIGADE_LEVEL_" + b.level().name()))
                .setConstructionMode(cn.jincheng.brigades.proto.station.v1.ConstructionMode
                        .valueOf("CONSTRUCTION_MODE_" + b.mode().name()))
                .setPartner(b.partner()).setSituation(b.situation()).setNotes(b.notes())
                .setHousing(housing(b.housing())).setVersion(b.version()).setPlanId(b.planId())
                .setFundingPayer(b.fundingPayer().name())
                .build();
    }

    static Housing housing(cn.jincheng.brigades.station.domain.Housing h) {
        Housing.Builder out = Housing.newBuilder().setFloorAreaM2(h.floorAreaM2()).setSiteAreaM2(h.siteAreaM2())
                .setGarageBays(h.garageBays());
        h.rooms().stream().sorted().forEach(r -> out.addRooms(cn.jincheng.brigades.proto.station.v1.Room.valueOf("ROOM_" + r.name())));
        return out.build();
    }

    static Milestone milestone(MilestoneService.Planned planned, LocalDate asOf) {
        return milestone(planned.milestone(), asOf).toBuilder().setDerived(planned.derived())
                .setPlanWording(planned.planWording()).setOptional(planned.optional())
                .setOverdue(planned.isOverdue(asOf)).build();
    }

    static Milestone milestone(cn.jincheng.brigades.station.domain.Milestone m, LocalDate asOf) {
        Milestone.Builder out = Milestone.newBuilder()
                .setId(m.id()).setBrigadeId(m.brigadeId()).setName(m.name()).setDueDate(ProtoTime.date(m.dueDate()))
                .setStatus(cn.jincheng.brigades.proto.station.v1.MilestoneStatus.valueOf("MILESTONE_STATUS_" + m.status().name()))
                .setOverdue(m.isOverdue(asOf)).setVersion(m.version());
        if (m.evidence() != null) {
            out.setEvidence(m.evidence());
        }
        if (m.submittedBy() != null) {
            out.setSubmittedBy(m.submittedBy()).setSubmittedAt(ProtoTime.timestamp(m.submittedAt()));
        }
        if (m.decidedBy() != null) {
            out.setDecidedBy(m.decidedBy()).setDecidedAt(ProtoTime.timestamp(m.decidedAt()));
        }
        if (m.decisionComment() != null) {
            out.setDecisionComment(m.decisionComment());
        }
        return out.build();
    }

    static OverdueMilestone overdue(MilestoneService.OverdueItem item) {
        return OverdueMilestone.newBuilder()
                .setBrigadeId(item.brigade().id()).setTown(item.brigade().town())
                .setMilestoneId(item.milestone().id()).setName(item.milestone().name())
                .setDueDate(ProtoTime.date(item.milestone().dueDate()))
                .setStatus(cn.jincheng.brigades.proto.station.v1.MilestoneStatus
                        .valueOf("MILESTONE_STATUS_" + item.milestone().status().name()))
                .setDaysOverdue((int) item.daysOverdue()).build();
    }


    static HousingPatch housingPatch(cn.jincheng.brigades.proto.station.v1.HousingPatch p) {
        Set<Room> rooms = null;
        if (p.hasRooms()) {
            rooms = EnumSet.noneOf(Room.class);
            for (cn.jincheng.brigades.proto.station.v1.Room r : p.getRooms().getRoomsList()) {
                if (r == cn.jincheng.brigades.proto.station.v1.Room.ROOM_UNSPECIFIED
                        || r == cn.jincheng.brigades.proto.station.v1.Room.UNRECOGNIZED) {
                    throw new ValidationException("housing.rooms", "unknown room");
                }
                rooms.add(Room.valueOf(r.name().substring("ROOM_".length())));
            }
        }
        return new HousingPatch(p.hasFloorAreaM2() ? p.getFloorAreaM2() : null,
                p.hasSiteAreaM2() ? p.getSiteAreaM2() : null, p.hasGarageBays() ? p.getGarageBays() : null, rooms);
    }

    static BrigadeLevel level(cn.jincheng.brigades.proto.station.v1.BrigadeLevel level, String field) {
        return switch (level) {
            case BRIGADE_LEVEL_UNSPECIFIED -> null;
            case BRIGADE_LEVEL_LEVEL_ONE -> BrigadeLevel.LEVEL_ONE;
            case BRIGADE_LEVEL_LEVEL_TWO -> BrigadeLevel.LEVEL_TWO;
            default -> throw new ValidationException(field, "must be LEVEL_ONE or LEVEL_TWO");
        };
    }

    static ConstructionMode mode(cn.jincheng.brigades.proto.station.v1.ConstructionMode mode, String field) {
        if (mode == cn.jincheng.brigades.proto.station.v1.ConstructionMode.CONSTRUCTION_MODE_UNSPECIFIED) {
            return null;
        }
        if (mode == cn.jincheng.brigades.proto.station.v1.ConstructionMode.UNRECOGNIZED) {
            throw new ValidationException(field, "must be one of " + List.of(ConstructionMode.values()));
        }
        return ConstructionMode.valueOf(mode.name().substring("CONSTRUCTION_MODE_".length()));
    }

    /** An import row; an unknown level or mode becomes absent, which the import reports for that row. */
    static cn.jincheng.brigades.station.domain.BrigadeImports.Row importRow(
            cn.jincheng.brigades.proto.station.v1.BrigadeRow r) {
        BrigadeLevel level = r.getLevel() == cn.jincheng.brigades.proto.station.v1.BrigadeLevel.UNRECOGNIZED ? null
                : level(r.getLevel(), "level");
        ConstructionMode mode = r.getConstructionMode() == cn.jincheng.brigades.proto.station.v1.ConstructionMode.UNRECOGNIZED
                ? null : mode(r.getConstructionMode(), "constructionMode");
        return new cn.jincheng.brigades.station.domain.BrigadeImports.Row(r.getRow(), r.getId(), r.getCountyId(),
                r.getTown(), level, mode, r.getPartner(), r.getSituation());
    }
}
