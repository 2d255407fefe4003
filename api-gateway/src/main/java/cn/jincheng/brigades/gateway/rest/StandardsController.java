package cn.jincheng.brigades.gateway.rest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.EquipmentClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.equipment.v1.GetCatalogRequest;
import cn.jincheng.brigades.proto.equipment.v1.PublishCatalogRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** The standards catalog: the version in force, old versions, and publishing a new one (CITY_ADMIN). */
@RestController
@RequestMapping(path = "/api/v1/standards")
@Tag(name = "Standards catalog")
class StandardsController {

    private final EquipmentClient equipment;
    private final EquipmentRestMapper mapper;

    StandardsController(EquipmentClient equipment, EquipmentRestMapper mapper) {
        this.equipment = equipment;
        this.mapper = mapper;
    }

    @Operation(operationId = "catalogInForce", summary = "The catalog in force: id, version and the provenance of every rule")
    @GetMapping
    Mono<EquipmentDtos.CatalogDto> inForce(Caller caller) {
        return equipment.catalog(caller, GetCatalogRequest.getDefaultInstance()).map(mapper::catalog);
    }

    @Operation(operationId = "listCatalogVersions", summary = "Every published version of the catalog, newest first")
    @GetMapping("/versions")
    Mono<Dtos.Items<EquipmentDtos.CatalogVersionDto>> versions(Caller caller) {
        return equipment.catalogVersions(caller)
                .map(r -> new Dtos.Items<>(r.getVersionsList().stream().map(mapper::version).toList()));
    }

    @Operation(operationId = "catalogVersion", summary = "One version of the catalog (old versions stay readable)")
    @GetMapping("/{version}")
    Mono<EquipmentDtos.CatalogDto> version(Caller caller, @PathVariable int version) {
        return equipment.catalog(caller, GetCatalogRequest.newBuilder().setVersion(version).build()).map(mapper::catalog);
    }

    @Operation(operationId = "publishCatalog", summary = "Publish a new catalog version, whole (REPLACE) or as an amendment (AMEND); CITY_ADMIN")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EquipmentDtos.CatalogDto>> publish(Caller caller, @RequestBody EquipmentDtos.Publication body) {
        PublishCatalogRequest.Builder request = PublishCatalogRequest.newBuilder()
                .setMode("AMEND".equals(body.mode()) ? PublishCatalogRequest.Mode.MODE_AMEND
                        : PublishCatalogRequest.Mode.MODE_REPLACE)
                .setBasedOnVersion(body.basedOnVersion() == null ? 0 : body.basedOnVersion())
                .setNote(body.note() == null ? "" : body.note()).setTitle(body.title() == null ? "" : body.title());
        if (body.mode() != null && !body.mode().equals("AMEND") && !body.mode().equals("REPLACE")) {
            throw ApiException.invalid("mode", "must be REPLACE or AMEND");
        }
        if (body.defaultHeadcount() != null) {
            request.setDefaultHeadcount(body.defaultHeadcount());
        }
        List<EquipmentDtos.VehicleTypeDto> types = body.vehicleTypes() == null ? List.of() : body.vehicleTypes();
        for (int i = 0; i < types.size(); i++) {
            request.addVehicleTypes(mapper.vehicleType(types.get(i), "vehicleTypes[" + i + "]"));
        }
        if (body.items() != null) {
            body.items().forEach(item -> request.addItems(mapper.itemDefinition(item)));
        }
        List<EquipmentDtos.RuleDto> rules = body.rules() == null ? new ArrayList<>() : body.rules();
        for (int i = 0; i < rules.size(); i++) {
            request.addRules(mapper.rule(rules.get(i), "rules[" + i + "]"));
        }
        if (body.removeRules() != null) {
            request.addAllRemoveRules(body.removeRules());
        }
        return equipment.publishCatalog(caller, request.build())
                .map(c -> ResponseEntity.status(201).body(mapper.catalog(c)));
    }
}
