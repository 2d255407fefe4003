package cn.jincheng.brigades.gateway.rest;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.gateway.problem.Problem;
import cn.jincheng.brigades.proto.audit.v1.AuditEntry;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.County;
import cn.jincheng.brigades.proto.station.v1.CountySupervision;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListResponse;
import cn.jincheng.brigades.proto.station.v1.Housing;
import cn.jincheng.brigades.proto.station.v1.HousingPatch;
import cn.jincheng.brigades.proto.station.v1.Milestone;
import cn.jincheng.brigades.proto.station.v1.OverdueMilestone;
import cn.jincheng.brigades.proto.station.v1.Room;
import cn.jincheng.brigades.proto.station.v1.RoomList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** station.v1 messages ↔ the REST shapes of api-v1.md. */
@Component
class StationRestMapper {

    static final String LEVEL = "BRIGADE_LEVEL_";
    static final String MODE = "CONSTRUCTION_MODE_";
    static final String ROOM = "ROOM_";
    static final String STATUS = "MILESTONE_STATUS_";

    private final JsonMapper json;

    StationRestMapper(JsonMapper json) {
        this.json = json;
    }

    Dtos.CountyDto county(County c) {
        return new Dtos.CountyDto(c.getId(), c.getName(), c.getKind(), c.getBrigadeCount());
    }

    Dtos.BrigadeDto brigade(Brigade b) {
        return new Dtos.BrigadeDto(b.getId(), b.getCountyId(), b.getCountyName(), b.getTown(),
                RestEnums.name(b.getLevel(), LEVEL), RestEnums.name(b.getConstructionMode(), MODE), b.getPartner(),
                b.getSituation(), housing(b.getHousing()), b.getNotes(), b.getVersion(), b.getPlanId(),
                b.getFundingPayer().isEmpty() ? "COUNTY_FINANCE" : b.getFundingPayer());
    }

    Dtos.HousingDto housing(Housing h) {
        return new Dtos.HousingDto(h.getFloorAreaM2(), h.getSiteAreaM2(), h.getGarageBays(),
                h.getRoomsList().stream().map(r -> RestEnums.name(r, ROOM)).toList());
    }

    /** The housing part of a PATCH: present fields only; room names checked here. */
    HousingPatch housingPatch(Dtos.HousingDto h) {
        HousingPatch.Builder patch = HousingPatch.newBuilder();
        if (h.floorAreaM2() != null) {
            patch.setFloorAreaM2(h.floorAreaM2());
        }
        if (h.siteAreaM2() != null) {
            patch.setSiteAreaM2(h.siteAreaM2());
        }
        if (h.garageBays() != null) {
            patch.setGarageBays(h.garageBays());
        }
        if (h.rooms() != null) {
            RoomList.Builder rooms = RoomList.newBuilder();
            List<Problem.FieldError> errors = new ArrayList<>();
            for (int i = 0; i < h.rooms().size(); i++) {
                String name = h.rooms().get(i);
                try {
                    rooms.addRooms(RestEnums.parse(Room.class, ROOM, name, "housing.rooms[" + i + "]"));
                } catch (ApiException e) {
                    errors.addAll(e.errors());
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            patch.setRooms(rooms);
        }
        return patch.build();
    }

    Dtos.MilestoneDto milestone(Milestone m) {
        return new Dtos.MilestoneDto(m.getId(), m.getName(), ProtoTime.localDate(m.getDueDate()),
                RestEnums.name(m.getStatus(), STATUS), m.getOverdue(), emptyToNull(m.getEvidence()),
                emptyToNull(m.getSubmittedBy()), m.hasSubmittedAt() ? ProtoTime.instant(m.getSubmittedAt()) : null,
                emptyToNull(m.getDecisionComment()), emptyToNull(m.getDecidedBy()),
                m.hasDecidedAt() ? ProtoTime.instant(m.getDecidedAt()) : null, m.getVersion(), m.getDerived(),
                emptyToNull(m.getPlanWording()), m.getOptional());
    }

    Dtos.SupervisionDto supervision(GetSupervisionListResponse r) {
        List<Dtos.CountyOverdueDto> counties = new ArrayList<>();
        for (CountySupervision c : r.getCountiesList()) {
            counties.add(new Dtos.CountyOverdueDto(c.getCountyId(), c.getCountyName(),
                    c.getMilestonesList().stream().map(this::overdue).toList()));
        }
        return new Dtos.SupervisionDto(ProtoTime.localDate(r.getAsOf()), counties);
    }

    private Dtos.OverdueDto overdue(OverdueMilestone m) {
        return new Dtos.OverdueDto(m.getBrigadeId(), m.getTown(), m.getMilestoneId(), m.getName(),
                ProtoTime.localDate(m.getDueDate()), RestEnums.name(m.getStatus(), STATUS), m.getDaysOverdue());
    }

    Dtos.AuditEntryDto audit(AuditEntry e) {
        return new Dtos.AuditEntryDto(e.getId(), e.getBrigadeId(), ProtoTime.instant(e.getAt()), e.getActor(), e.getRole(),
                e.getAction(), jsonOrNull(e.getBeforeJson()), jsonOrNull(e.getAfterJson()),
                jsonOrNull(e.getRequestJson()));
    }

    private JsonNode jsonOrNull(String s) {
        return s == null || s.isEmpty() ? null : json.readTree(s);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
