package cn.jincheng.brigades.gateway.rest;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.EquipmentClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.equipment.v1.AddVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.RemoveVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.UpdateVehicleRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** A brigade's vehicles (api-v1.md, "Vehicles, equipment, checks"). */
@RestController
@RequestMapping(path = "/api/v1/brigades/{id}/vehicles")
@Tag(name = "Vehicles, equipment, checks")
class VehicleController {

    private final EquipmentClient equipment;
    private final EquipmentRestMapper mapper;

    VehicleController(EquipmentClient equipment, EquipmentRestMapper mapper) {
        this.equipment = equipment;
        this.mapper = mapper;
    }

    @Operation(operationId = "listVehicles", summary = "The brigade's vehicles")
    @GetMapping
    Mono<Dtos.Items<EquipmentDtos.VehicleDto>> list(Caller caller, @PathVariable String id) {
        return equipment.vehicles(caller, id)
                .map(r -> new Dtos.Items<>(r.getVehiclesList().stream().map(mapper::vehicle).toList()));
    }

    @Operation(operationId = "addVehicle", summary = "Register a vehicle (plates are unique across the city)")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EquipmentDtos.VehicleDto>> add(Caller caller, @PathVariable String id,
            @RequestBody EquipmentDtos.NewVehicle body) {
        AddVehicleRequest request = AddVehicleRequest.newBuilder().setBrigadeId(id)
                .setType(body.type() == null ? "" : body.type()).setPlate(body.plate() == null ? "" : body.plate())
                .setStatus(mapper.status(body.status(), "status")).build();
        return equipment.addVehicle(caller, request).map(v -> ResponseEntity
                .created(URI.create("/api/v1/brigades/" + id + "/vehicles/" + v.getId()))
                .eTag(ETags.of(v.getVersion())).body(mapper.vehicle(v)));
    }

    @Operation(operationId = "patchVehicle", summary = "Change a vehicle, e.g. {\"status\": \"OUT_OF_SERVICE\"}; needs If-Match")
    @PatchMapping(path = "/{vehicleId}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
    Mono<ResponseEntity<EquipmentDtos.VehicleDto>> patch(Caller caller, @PathVariable String id,
            @PathVariable String vehicleId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EquipmentDtos.VehiclePatch body) {
        long version = ETags.requiredVersion(ifMatch);
        if (body.type() == null && body.plate() == null && body.status() == null) {
            throw ApiException.invalid("body", "name at least one of type, plate, status");
        }
        UpdateVehicleRequest.Builder request = UpdateVehicleRequest.newBuilder().setBrigadeId(id).setVehicleId(vehicleId)
                .setExpectedVersion(version).setStatus(mapper.status(body.status(), "status"));
        if (body.type() != null) {
            request.setType(body.type());
        }
        if (body.plate() != null) {
            request.setPlate(body.plate());
        }
        return equipment.updateVehicle(caller, request.build())
                .map(v -> ResponseEntity.ok().eTag(ETags.of(v.getVersion())).body(mapper.vehicle(v)));
    }

    @Operation(operationId = "removeVehicle", summary = "Remove a vehicle from the inventory (If-Match optional)")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    @DeleteMapping("/{vehicleId}")
    Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String id, @PathVariable String vehicleId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        RemoveVehicleRequest.Builder request = RemoveVehicleRequest.newBuilder().setBrigadeId(id).setVehicleId(vehicleId);
        if (ifMatch != null) {
            request.setExpectedVersion(ETags.requiredVersion(ifMatch));
        }
        return equipment.removeVehicle(caller, request.build()).map(r -> ResponseEntity.noContent().build());
    }
}
