package cn.jincheng.brigades.gateway.imports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.gateway.backend.EquipmentClient;
import cn.jincheng.brigades.gateway.backend.StaffingClient;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.gateway.problem.Problem;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bulk import from CSV or XLSX files, and the templates to fill in. The gateway reads the file and
 * every cell; the owning service checks every row as it would one entered by hand, and stores all
 * rows or none ({@code mode=all}, the default), or the valid ones ({@code mode=valid-rows});
 * {@code dryRun=true} only checks. Every error names its row and column.
 */
@RestController
@RequestMapping(path = "/api/v1/imports")
@Tag(name = "Bulk import")
class ImportController {

    private final StationClient station;
    private final EquipmentClient equipment;
    private final StaffingClient staffing;

    ImportController(StationClient station, EquipmentClient equipment, StaffingClient staffing) {
        this.station = station;
        this.equipment = equipment;
        this.staffing = staffing;
    }

    /** The outcome of an import that was not refused as a whole. */
    record ImportSummary(String kind, String importId, int rows, int stored, boolean dryRun, List<Problem.FieldError> errors) {
    }

    @Operation(operationId = "importTemplate", summary = "The file to fill in for an import (brigades, vehicles, equipment, firefighters), headings in Chinese")
    @ApiResponse(responseCode = "200", description = "The template, in the format asked for", content = {
            @Content(mediaType = SheetReader.XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    @GetMapping("/{kind}/template")
    ResponseEntity<byte[]> template(Caller caller, @PathVariable String kind,
            @RequestParam(defaultValue = "xlsx") String format) {
        ImportKind k = kind(kind);
        boolean xlsx = switch (format) {
            case "xlsx" -> true;
            case "csv" -> false;
            default -> throw ApiException.invalid("format", "must be xlsx or csv");
        };
        String filename = k.path + "-template." + format;
        return ResponseEntity.ok()
                .contentType(xlsx ? MediaType.parseMediaType(SheetReader.XLSX) : new MediaType("text", "csv", StandardCharsets.UTF_8))
                // an ASCII name for old clients, the Chinese one (RFC 6266 filename*) for the rest; Spring's own
                // fallback for a UTF-8 name would be underscores
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        + "; filename*=UTF-8''" + UriUtils.encode(k.title + "导入模板." + format, StandardCharsets.UTF_8))
                .body(xlsx ? ImportTemplates.xlsx(k) : ImportTemplates.csv(k));
    }

    @Operation(operationId = "importFile", summary = "Import a CSV (UTF-8) or XLSX file; mode=all (default: all rows or none) or valid-rows; dryRun=true only checks",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The filled-in template", content = {
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/csv", schema = @Schema(type = "string")),
                    @Content(mediaType = SheetReader.XLSX, schema = @Schema(type = "string", format = "binary")) }))
    @PostMapping(path = "/{kind}", consumes = { "text/csv", "application/csv", SheetReader.XLSX })
    Mono<ImportSummary> upload(Caller caller, @PathVariable String kind,
            @RequestParam(defaultValue = "all") String mode, @RequestParam(defaultValue = "false") boolean dryRun,
            ServerHttpRequest request) {
        ImportKind k = kind(kind);
        authorize(caller, k);
        boolean validRowsOnly = switch (mode) {
            case "all" -> false;
            case "valid-rows" -> true;
            default -> throw ApiException.invalid("mode", "must be all or valid-rows");
        };
        MediaType type = request.getHeaders().getContentType();
        boolean xlsx = type != null && type.isCompatibleWith(MediaType.parseMediaType(SheetReader.XLSX));
        return DataBufferUtils.join(request.getBody())
                .map(ImportController::bytes)
                .defaultIfEmpty(new byte[0])
                // reading a workbook of tens of thousands of rows takes a while: not on the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(body -> ImportTable.read(k, SheetReader.read(body, xlsx)))
                .flatMap(table -> {
                    // with bad cells an all-or-nothing import cannot store; the service still checks the rest, so that
                    // the user learns every error at once
                    boolean checkOnly = dryRun || (!validRowsOnly && !table.problems().isEmpty());
                    ImportOptions options = ImportOptions.newBuilder().setValidRowsOnly(validRowsOnly)
                            .setDryRun(checkOnly).build();
                    return send(caller, k, table, options).map(result -> summary(k, table, result, validRowsOnly, checkOnly));
                });
    }

    private Mono<ImportResult> send(Caller caller, ImportKind kind, ImportTable.Result table, ImportOptions options) {
        return switch (kind) {
            case BRIGADES -> station.importBrigades(caller, ImportRequests.brigades(table.rows(), options));
            case VEHICLES -> equipment.importVehicles(caller, ImportRequests.vehicles(table.rows(), options));
            case EQUIPMENT -> equipment.importEquipment(caller, ImportRequests.equipment(table.rows(), options));
            case FIREFIGHTERS -> staffing.importFirefighters(caller, ImportRequests.firefighters(table.rows(), options));
        };
    }

    private static ImportSummary summary(ImportKind kind, ImportTable.Result table, ImportResult result,
            boolean validRowsOnly, boolean checkOnly) {
        Map<String, String> headingOf = new HashMap<>();
        kind.columns.forEach(c -> headingOf.put(c.field(), c.heading()));
        List<Problem.FieldError> errors = new ArrayList<>();
        table.problems().forEach(p -> errors.add(new Problem.FieldError(p.field(), p.message(), p.row(), p.column())));
        result.getErrorsList().forEach(e -> errors.add(new Problem.FieldError(e.getField(), e.getMessage(), e.getRow(),
                headingOf.getOrDefault(e.getField(), e.getField()))));
        errors.sort(Comparator.comparing(Problem.FieldError::row));
        int rows = table.lines();
        if (!validRowsOnly && !errors.isEmpty()) {
            long badRows = errors.stream().map(Problem.FieldError::row).distinct().count();
            throw ApiException.badRequest(badRows + " of " + rows + " rows have errors; nothing was stored "
                    + "(fix them, or import with mode=valid-rows to store the others)", errors);
        }
        return new ImportSummary(kind.path, result.getImportId().isEmpty() ? null : result.getImportId(), rows,
                result.getStored(), checkOnly, errors);
    }

    private static ImportKind kind(String path) {
        return ImportKind.byPath(path).orElseThrow(() -> ApiException.notFound(
                "nothing to import as '" + path + "': brigades, vehicles, equipment or firefighters"));
    }

    private static void authorize(Caller caller, ImportKind kind) {
        boolean allowed = kind == ImportKind.BRIGADES ? caller.hasAnyRole(Role.CITY_ADMIN)
                : caller.hasAnyRole(Role.CITY_ADMIN, Role.COUNTY_CLERK);
        if (!allowed) {
            throw ApiException.forbidden("role " + caller.role() + " may not import " + kind.path);
        }
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }
}
