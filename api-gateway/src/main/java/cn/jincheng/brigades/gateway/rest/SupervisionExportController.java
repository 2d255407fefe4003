package cn.jincheng.brigades.gateway.rest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.gateway.backend.StationClient;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.gateway.report.ReportWriters;
import cn.jincheng.brigades.gateway.report.SupervisionRow;
import cn.jincheng.brigades.gateway.report.SupervisionTable;
import cn.jincheng.brigades.proto.station.v1.CountySupervision;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListRequest;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListResponse;
import cn.jincheng.brigades.proto.station.v1.OverdueMilestone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervision list as a file for the city's "13710" supervision system: the same overdue
 * milestones, in the same scope, as {@code GET /api/v1/supervision} (station-service decides who
 * sees which county), one line each with Chinese headings.
 */
@RestController
@Tag(name = "Milestones and supervision")
class SupervisionExportController {

    /** The export's JSON feed: the overdue milestones on {@code asOf}. */
    record SupervisionExportDto(LocalDate asOf, List<SupervisionRow> items) {
    }

    private static final Pattern COUNTY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StationClient station;
    private final ReportWriters writers;
    private final JsonMapper json;

    SupervisionExportController(StationClient station, ReportWriters writers, JsonMapper json) {
        this.station = station;
        this.writers = writers;
        this.json = json;
    }

    @Operation(operationId = "supervisionExport", summary = "The overdue milestones as a file for the 13710 supervision system: format=xlsx (default), "
            + "csv (UTF-8 with BOM) or json; optional county and asOf (default today)")
    @ApiResponse(responseCode = "200", description = "The overdue milestones, in the format asked for", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json", schema = @Schema(implementation = SupervisionExportDto.class)) })
    @GetMapping("/api/v1/supervision/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(Caller caller, @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            ServerWebExchange exchange) {
        if (!List.of("xlsx", "csv", "json").contains(format)) {
            throw ApiException.invalid("format", "must be xlsx, csv or json");
        }
        if (county != null && !COUNTY_ID.matcher(county).matches()) {
            throw ApiException.invalid("county", "must be a county id such as yangcheng");
        }
        GetSupervisionListRequest.Builder request = GetSupervisionListRequest.newBuilder();
        if (asOf != null) {
            request.setAsOf(ProtoTime.date(asOf));
        }
        if (county != null) {
            request.setCountyId(county);
        }
        return knownCounty(caller, county)
                .then(Mono.defer(() -> station.supervision(caller, request.build())))
                .flatMap(list -> file(format, list, exchange));
    }

    /**
     * An unknown county is bad input (400), not an empty list. A county the caller may not see is
     * left to station-service, which refuses it (403) as it does for the list itself.
     */
    private Mono<Void> knownCounty(Caller caller, String county) {
        if (county == null) {
            return Mono.empty();
        }
        return station.listCounties(caller).flatMap(counties -> {
            boolean listed = counties.getCountiesList().stream().anyMatch(c -> c.getId().equals(county));
            return !listed && caller.sees(county)
                    ? Mono.error(ApiException.invalid("county", "unknown county: " + county))
                    : Mono.empty();
        });
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> file(String format, GetSupervisionListResponse list, ServerWebExchange exchange) {
        LocalDate asOf = ProtoTime.localDate(list.getAsOf());
        List<SupervisionRow> rows = rows(list);
        var buffers = exchange.getResponse().bufferFactory();
        if (format.equals("json")) {
            return Mono.just(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Flux.just(buffers.wrap(json.writeValueAsBytes(new SupervisionExportDto(asOf, rows))))));
        }
        List<List<String>> cells = rows.stream().map(SupervisionTable::cells).toList();
        if (format.equals("csv")) {
            return Mono.just(ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(asOf, format))
                    .body(Flux.just(buffers.wrap(ReportWriters.csv(SupervisionTable.HEADERS, cells)))));
        }
        return writers.xlsx("督办清单", SupervisionTable.HEADERS, cells).map(path -> {
            Flux<DataBuffer> body = DataBufferUtils.read(path, buffers, 64 * 1024).doFinally(s -> deleteQuietly(path));
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, attachment(asOf, format)).body(body);
        });
    }

    private static List<SupervisionRow> rows(GetSupervisionListResponse list) {
        List<SupervisionRow> rows = new ArrayList<>();
        for (CountySupervision county : list.getCountiesList()) {
            for (OverdueMilestone m : county.getMilestonesList()) {
                String status = RestEnums.name(m.getStatus(), StationRestMapper.STATUS);
                rows.add(new SupervisionRow(county.getCountyId(), county.getCountyName(), m.getTown(), m.getBrigadeId(),
                        m.getMilestoneId(), SupervisionTable.chinese(m.getName()), ProtoTime.localDate(m.getDueDate()),
                        m.getDaysOverdue(), SupervisionTable.responsibleParty(county.getCountyName()), status,
                        SupervisionTable.status(status)));
            }
        }
        return rows;
    }

    /** An ASCII name for old clients and the Chinese one (RFC 6266 filename*), as the import templates do. */
    private static String attachment(LocalDate asOf, String extension) {
        return ContentDisposition.attachment().filename("supervision-" + asOf + "." + extension).build()
                + "; filename*=UTF-8''" + UriUtils.encode("13710督办清单-" + asOf + "." + extension, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // a temp file left behind is removed with the temp directory
        }
    }
}
