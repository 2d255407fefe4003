package cn.jincheng.brigades.gateway.rest;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.station.v1.BrigadeLevel;
import cn.jincheng.brigades.proto.station.v1.ChangeConstructionModeRequest;
import cn.jincheng.brigades.proto.station.v1.ConstructionMode;
import cn.jincheng.brigades.proto.station.v1.ListBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.UpdateBrigadeRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.headers.Header;

import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** Counties and brigades (api-v1.md, "Counties and brigades"). */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Counties and brigades")
class BrigadeController {

    private final StationClient station;
    private final StationRestMapper mapper;

    BrigadeController(StationClient station, StationRestMapper mapper) {
        this.station = station;
        this.mapper = mapper;
    }

    @Operation(operationId = "listCounties", summary = "Counties with their brigade counts (a county clerk sees only their own)")
    @GetMapping("/counties")
    Mono<Dtos.Items<Dtos.CountyDto>> counties(Caller caller) {
        return station.listCounties(caller)
                .map(r -> new Dtos.Items<>(r.getCountiesList().stream().map(mapper::county).toList()));
    }

    @Operation(operationId = "listBrigades", summary = "Brigades, optionally filtered by county, level and construction mode")
    @GetMapping("/brigades")
    Mono<Dtos.Items<Dtos.BrigadeDto>> brigades(Caller caller, @RequestParam(required = false) String county,
            @RequestParam(required = false) String level, @RequestParam(required = false) String mode,
            @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
        ListBrigadesRequest.Builder request = ListBrigadesRequest.newBuilder();
        if (county != null) {
            request.setCountyId(county);
        }
        if (level != null) {
            request.setLevel(RestEnums.parse(BrigadeLevel.class, StationRestMapper.LEVEL, level, "level"));
        }
        if (mode != null) {
            request.setConstructionMode(RestEnums.parse(ConstructionMode.class, StationRestMapper.MODE, mode, "mode"));
        }
        if (pageSize != null) {
            request.setPageSize(pageSize);
        }
        if (pageToken != null) {
            request.setPageToken(pageToken);
        }
        return station.listBrigades(caller, request.build())
                .map(r -> new Dtos.Items<>(r.getBrigadesList().stream().map(mapper::brigade).toList(),
                        r.getNextPageToken().isEmpty() ? null : r.getNextPageToken()));
    }

    @Operation(operationId = "getBrigade", summary = "One brigade; the ETag header carries its version for If-Match")
    @ApiResponse(responseCode = "200", description = "The brigade", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", description = "The brigade's version, for If-Match", schema = @Schema(type = "string")))
    @GetMapping("/brigades/{id}")
    Mono<ResponseEntity<Dtos.BrigadeDto>> brigade(Caller caller, @PathVariable String id) {
        return station.getBrigade(caller, id).map(b -> withETag(mapper.brigade(b)));
    }

    @Operation(operationId = "patchBrigade", summary = "Change housing, partner or notes; needs If-Match with the ETag last read")
    @ApiResponse(responseCode = "200", description = "The brigade", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", description = "The brigade's version, for If-Match", schema = @Schema(type = "string")))
    @PatchMapping(path = "/brigades/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
    Mono<ResponseEntity<Dtos.BrigadeDto>> patch(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Dtos.BrigadePatch patch) {
        long version = ETags.requiredVersion(ifMatch);
        if (patch.housing() == null && patch.partner() == null && patch.notes() == null) {
            throw ApiException.invalid("body", "name at least one of housing, partner, notes");
        }
        UpdateBrigadeRequest.Builder request = UpdateBrigadeRequest.newBuilder().setId(id).setExpectedVersion(version);
        if (patch.housing() != null) {
            request.setHousing(mapper.housingPatch(patch.housing()));
        }
        if (patch.partner() != null) {
            request.setPartner(patch.partner());
        }
        if (patch.notes() != null) {
            request.setNotes(patch.notes());
        }
        return station.updateBrigade(caller, request.build()).map(b -> withETag(mapper.brigade(b)));
    }

    @Operation(summary = "Change the construction mode (CITY_ADMIN), e.g. activate a deferred town")
    @ApiResponse(responseCode = "200", description = "The brigade", useReturnTypeSchema = true,
            headers = @Header(name = "ETag", description = "The brigade's version, for If-Match", schema = @Schema(type = "string")))
    @PostMapping(path = "/brigades/{id}/mode", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Dtos.BrigadeDto>> changeMode(Caller caller, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody Dtos.ModeChange body) {
        if (body.constructionMode() == null) {
            throw ApiException.invalid("constructionMode", "is required");
        }
        ChangeConstructionModeRequest.Builder request = ChangeConstructionModeRequest.newBuilder().setId(id)
                .setConstructionMode(RestEnums.parse(ConstructionMode.class, StationRestMapper.MODE,
                        body.constructionMode(), "constructionMode"))
                .setReason(body.reason() == null ? "" : body.reason());
        if (ifMatch != null) {
            request.setExpectedVersion(ETags.requiredVersion(ifMatch));
        }
        if (body.effectiveDate() != null) {
            request.setEffectiveDate(ProtoTime.date(body.effectiveDate()));
        }
        return station.changeConstructionMode(caller, request.build()).map(b -> withETag(mapper.brigade(b)));
    }

    private static ResponseEntity<Dtos.BrigadeDto> withETag(Dtos.BrigadeDto brigade) {
        return ResponseEntity.ok().eTag(ETags.of(brigade.version())).body(brigade);
    }
}
