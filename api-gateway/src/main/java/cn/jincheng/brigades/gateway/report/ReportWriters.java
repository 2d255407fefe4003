package cn.jincheng.brigades.gateway.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report written as it streams in: JSON and CSV go out row by row; XLSX is written by POI's
 * streaming workbook (a window of rows in memory, the rest on disk) and then sent.
 */
@Component
public class ReportWriters {

    static {
        PoiTempFiles.useOwnDirectory();
    }


    private final JsonMapper json;

    public ReportWriters(JsonMapper json) {
        this.json = json;
    }

    /**
     * The JSON report. Nothing is written before the first row: a failure before it still becomes
     * a proper problem response instead of a truncated 200.
     */
    public Flux<DataBuffer> json(int year, Flux<ReportRow> rows, DataBufferFactory buffers) {
        return json(year, rows, null, buffers);
    }

    /**
     * The JSON report with the county section: each county's totals also carry the city's outcome
     * and the annual assessment ({@code countySection}, one small call made after the rows; null:
     * no section).
     */
    public Flux<DataBuffer> json(int year, Flux<ReportRow> rows, Mono<List<CountyAcceptanceRow>> countySection,
            DataBufferFactory buffers) {
        String header = "{\"year\":" + year + ",\"brigades\":[";
        CountyTotals totals = new CountyTotals();
        AtomicBoolean first = new AtomicBoolean(true);
        Flux<DataBuffer> body = rows.map(row -> {
            totals.add(row);
            String prefix = first.getAndSet(false) ? header : ",";
            return buffer(buffers, prefix + json.writeValueAsString(row));
        });
        Mono<List<CountyAcceptanceRow>> section = countySection == null ? Mono.just(List.<CountyAcceptanceRow>of())
                : countySection;
        Mono<DataBuffer> footer = section.map(list -> {
            Map<String, CountyAcceptanceRow> byId = new java.util.HashMap<>();
            list.forEach(c -> byId.put(c.id(), c));
            return buffer(buffers, (first.get() ? header : "") + "],\"counties\":"
                    + json.writeValueAsString(totals.counties().stream().map(c -> county(c, byId.get(c.id()),
                            countySection != null)).toList())
                    + "}");
        });
        return body.concatWith(footer);
    }

    private static Map<String, Object> county(CountyTotals.County c, CountyAcceptanceRow city, boolean withSection) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", c.id());
        out.put("name", c.name());
        out.put("total", c.total());
        out.put("accepted", c.accepted());
        out.put("rejected", c.rejected());
        out.put("pending", c.pending());
        out.put("deferred", c.deferred());
        out.put("unavailable", c.unavailable());
        if (withSection) {
            out.put("cityOutcome", city == null ? null : city.cityOutcome());
            out.put("cityOutcomeNote", city == null ? null : city.cityOutcomeNote());
            out.put("assessmentYear", city == null ? null : city.assessmentYear());
            out.put("assessmentScore", city == null ? null : city.assessmentScore());
            out.put("assessmentGrade", city == null ? null : city.assessmentGrade());
        }
        return out;
    }

    /** The county section alone as CSV ({@code ?format=csv&section=counties}): the main CSV holds one table. */
    public Flux<DataBuffer> csvCounties(Mono<List<CountyAcceptanceRow>> countySection, DataBufferFactory buffers) {
        return countySection.map(list -> {
            StringBuilder out = new StringBuilder("\uFEFF").append(csvLine(ReportTable.COUNTY_ACCEPTANCE_HEADERS));
            list.forEach(c -> out.append(csvLine(ReportTable.cells(c))));
            return buffer(buffers, out.toString());
        }).flux();
    }

    /** CSV in UTF-8 with a BOM (so Excel reads the Chinese right); the header goes out with the first row. */
    public Flux<DataBuffer> csv(Flux<ReportRow> rows, DataBufferFactory buffers) {
        AtomicBoolean first = new AtomicBoolean(true);
        Flux<DataBuffer> body = rows.map(row -> buffer(buffers,
                (first.getAndSet(false) ? csvHeader() : "") + csvLine(ReportTable.cells(row))));
        return body.concatWith(Mono.fromSupplier(() -> buffer(buffers, first.get() ? csvHeader() : "")));
    }

    private static String csvHeader() {
        return "\uFEFF" + csvLine(ReportTable.BRIGADE_HEADERS);
    }

    /** Writes the workbook to a temporary file (off the event loop) and gives its path. */
    public Mono<Path> xlsx(Flux<ReportRow> rows) {
        return xlsx(rows, null);
    }

    /** With the county section as a third sheet, 县级验收 (null: no such sheet). */
    public Mono<Path> xlsx(Flux<ReportRow> rows, Mono<List<CountyAcceptanceRow>> countySection) {
        return Mono.using(() -> new SXSSFWorkbook(200), workbook -> {
            Sheet brigades = workbook.createSheet("队站 (brigades)");
            Sheet counties = workbook.createSheet("县区汇总 (counties)");
            writeRow(brigades, 0, ReportTable.BRIGADE_HEADERS);
            CountyTotals totals = new CountyTotals();
            int[] next = { 1 };
            return rows.publishOn(Schedulers.boundedElastic())
                    .doOnNext(row -> {
                        totals.add(row);
                        writeRow(brigades, next[0]++, ReportTable.cells(row));
                    })
                    .then(countySection == null ? Mono.just(List.<CountyAcceptanceRow>of()) : countySection)
                    .publishOn(Schedulers.boundedElastic())
                    .flatMap(section -> Mono.fromCallable(() -> {
                        if (countySection != null) {
                            Sheet city = workbook.createSheet("县级验收 (county acceptance)");
                            writeRow(city, 0, ReportTable.COUNTY_ACCEPTANCE_HEADERS);
                            int n = 1;
                            for (CountyAcceptanceRow row : section) {
                                writeRow(city, n++, ReportTable.cells(row));
                            }
                        }
                        writeRow(counties, 0, ReportTable.COUNTY_HEADERS);
                        int r = 1;
                        for (CountyTotals.County c : totals.counties()) {
                            writeRow(counties, r++, ReportTable.cells(c));
                        }
                        Path file = Files.createTempFile("acceptance-report", ".xlsx");
                        try (OutputStream out = Files.newOutputStream(file)) {
                            workbook.write(out);
                        }
                        return file;
                    }).subscribeOn(Schedulers.boundedElastic()));
        }, ReportWriters::close);
    }

    /**
     * A small table already in hand (the supervision list, say) as a one-sheet workbook: the same
     * streaming workbook and string-only cells as the report, written off the event loop to a
     * temporary file whose path it gives.
     */
    public Mono<Path> xlsx(String sheetName, List<String> headers, List<List<String>> rows) {
        return Mono.using(() -> new SXSSFWorkbook(200), workbook -> Mono.fromCallable(() -> {
            Sheet sheet = workbook.createSheet(sheetName);
            writeRow(sheet, 0, headers);
            int r = 1;
            for (List<String> row : rows) {
                writeRow(sheet, r++, row);
            }
            Path file = Files.createTempFile("export", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }).subscribeOn(Schedulers.boundedElastic()), ReportWriters::close);
    }

    /** A small table already in hand as CSV: UTF-8 with a BOM, the header line first. */
    public static byte[] csv(List<String> headers, List<List<String>> rows) {
        StringBuilder text = new StringBuilder("\uFEFF").append(csvLine(headers));
        rows.forEach(row -> text.append(csvLine(row)));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void close(SXSSFWorkbook workbook) {
        try {
            workbook.close(); // also removes its temporary row files
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Sheet sheet, int index, List<String> cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.size(); i++) {
            // always a string cell: a value is never read as a formula
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    /** RFC 4180 quoting (formula-looking cells are already neutralised by {@link ReportTable}). */
    public static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            line.append(cell);
        }
        return line.append("\r\n").toString();
    }

    private static DataBuffer buffer(DataBufferFactory buffers, String text) {
        return buffers.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
