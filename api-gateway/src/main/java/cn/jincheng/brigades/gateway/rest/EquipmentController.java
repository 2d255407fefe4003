package cn.jincheng.brigades.gateway.rest;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.net.URI;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.EquipmentClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.equipment.v1.AddEquipmentRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListExpiringItemsRequest;
import cn.jincheng.brigades.proto.equipment.v1.RecordDrillRequest;
import cn.jincheng.brigades.proto.equipment.v1.RecordEquipmentCheckRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Equipment holdings, the fire department's checks and drills, and expiry reminders. */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Vehicles, equipment, checks")
class EquipmentController {

    private final EquipmentClient equipment;
    private final EquipmentRestMapper mapper;

    EquipmentController(EquipmentClient equipment, EquipmentRestMapper mapper) {
        this.equipment = equipment;
        this.mapper = mapper;
    }

    @Operation(operationId = "listEquipment", summary = "The brigade's equipment, with the quantity that counts after checks and expiry")
    @GetMapping("/brigades/{id}/equipment")
    Mono<Dtos.Items<EquipmentDtos.ItemDto>> list(Caller caller, @PathVariable String id) {
        return equipment.equipment(caller, id).map(r -> new Dtos.Items<>(r.getItemsList().stream().map(mapper::item).toList()));
    }

    @Operation(operationId = "addEquipment", summary = "Add equipment by catalog item code")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(path = "/brigades/{id}/equipment", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EquipmentDtos.ItemDto>> add(Caller caller, @PathVariable String id,
            @RequestBody EquipmentDtos.NewItem body) {
        if (body.quantity() == null) {
            throw ApiException.invalid("quantity", "is required");
        }
        AddEquipmentRequest.Builder request = AddEquipmentRequest.newBuilder().setBrigadeId(id)
                .setItemCode(body.itemCode() == null ? "" : body.itemCode()).setQuantity(body.quantity());
        if (body.expiresOn() != null) {
            request.setExpiresOn(ProtoTime.date(body.expiresOn()));
        }
        if (body.serialNumbers() != null) {
            request.addAllSerialNumbers(body.serialNumbers());
        }
        return equipment.addEquipment(caller, request.build()).map(item -> ResponseEntity
                .created(URI.create("/api/v1/brigades/" + id + "/equipment/" + item.getId())).body(mapper.item(item)));
    }

    @Operation(operationId = "recordEquipmentCheck", summary = "The fire department's on-site equipment check (FIRE_DEPT, CITY_ADMIN)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(path = "/brigades/{id}/equipment-checks", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EquipmentDtos.CheckDto>> check(Caller caller, @PathVariable String id,
            @RequestBody EquipmentDtos.NewCheck body) {
        RecordEquipmentCheckRequest.Builder request = RecordEquipmentCheckRequest.newBuilder().setBrigadeId(id)
                .setNotes(body.notes() == null ? "" : body.notes());
        if (body.date() != null) {
            request.setDate(ProtoTime.date(body.date()));
        }
        if (body.findings() != null) {
            request.addAllFindings(mapper.findings(body.findings()));
        }
        return equipment.recordCheck(caller, request.build()).map(c -> ResponseEntity
                .created(URI.create("/api/v1/brigades/" + id + "/equipment-checks/" + c.getId())).body(mapper.check(c)));
    }

    @Operation(operationId = "listEquipmentChecks", summary = "The brigade's equipment checks, newest first")
    @GetMapping("/brigades/{id}/equipment-checks")
    Mono<Dtos.Items<EquipmentDtos.CheckDto>> checks(Caller caller, @PathVariable String id) {
        return equipment.checks(caller, id).map(r -> new Dtos.Items<>(r.getChecksList().stream().map(mapper::check).toList()));
    }

    @Operation(operationId = "recordDrill", summary = "Record a readiness drill (FIRE_DEPT, CITY_ADMIN)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(path = "/brigades/{id}/drills", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EquipmentDtos.DrillDto>> drill(Caller caller, @PathVariable String id,
            @RequestBody EquipmentDtos.NewDrill body) {
        if (body.passed() == null) {
            throw ApiException.invalid("passed", "is required: true or false");
        }
        RecordDrillRequest.Builder request = RecordDrillRequest.newBuilder().setBrigadeId(id).setPassed(body.passed())
                .setNotes(body.notes() == null ? "" : body.notes());
        if (body.date() != null) {
            request.setDate(ProtoTime.date(body.date()));
        }
        return equipment.recordDrill(caller, request.build()).map(d -> ResponseEntity
                .created(URI.create("/api/v1/brigades/" + id + "/drills/" + d.getId())).body(mapper.drill(d)));
    }

    @Operation(operationId = "listDrills", summary = "The brigade's readiness drills, newest first")
    @GetMapping("/brigades/{id}/drills")
    Mono<Dtos.Items<EquipmentDtos.DrillDto>> drills(Caller caller, @PathVariable String id) {
        return equipment.drills(caller, id).map(r -> new Dtos.Items<>(r.getDrillsList().stream().map(mapper::drill).toList()));
    }

    @Operation(summary = "Items of the brigade expiring within withinDays (default 30) of asOf (default today)")
    @GetMapping("/brigades/{id}/expiring-items")
    Mono<Dtos.Items<EquipmentDtos.ExpiringDto>> expiringInBrigade(Caller caller, @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer withinDays) {
        return expiring(caller, ListExpiringItemsRequest.newBuilder().setBrigadeId(id), asOf, withinDays);
    }

    @Operation(summary = "Items in the county expiring within withinDays (default 30) of asOf (default today)")
    @GetMapping("/counties/{county}/expiring-items")
    Mono<Dtos.Items<EquipmentDtos.ExpiringDto>> expiringInCounty(Caller caller, @PathVariable String county,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer withinDays) {
        return expiring(caller, ListExpiringItemsRequest.newBuilder().setCountyId(county), asOf, withinDays);
    }

    private Mono<Dtos.Items<EquipmentDtos.ExpiringDto>> expiring(Caller caller, ListExpiringItemsRequest.Builder request,
            LocalDate asOf, Integer withinDays) {
        if (asOf != null) {
            request.setAsOf(ProtoTime.date(asOf));
        }
        if (withinDays != null) {
            if (withinDays < 1 || withinDays > 3650) {
                throw ApiException.invalid("withinDays", "must be between 1 and 3650");
            }
            request.setWithinDays(withinDays);
        }
        return equipment.expiring(caller, request.build())
                .map(r -> new Dtos.Items<>(r.getItemsList().stream().map(mapper::expiring).toList()));
    }
}
