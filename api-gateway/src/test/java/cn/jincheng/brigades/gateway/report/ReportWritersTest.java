package cn.jincheng.brigades.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWritersTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ReportWriters writers = new ReportWriters(json);

    private static List<ReportRow> rows() {
        var pass = new ReportRow.InspectionSummary("PASS", "clerk-zezhou", Instant.parse("2019-11-10T02:00:00Z"), false);
        var override = new ReportRow.InspectionSummary("PASS", "inspector", Instant.parse("2019-11-20T02:00:00Z"), true);
        return List.of(
                new ReportRow("zezhou-gaodu", "zezhou", "泽州县", "高都镇", "LEVEL_ONE", "SELF_BUILT", true, List.of(), pass,
                        override, "ACCEPTED", true, null),
                new ReportRow("zezhou-nancun", "zezhou", "泽州县", "南村镇", "LEVEL_ONE", "SELF_BUILT", false,
                        List.of("housing.floor-area", "vehicles.level-one.total"), null, null, "PENDING", false, null),
                new ReportRow("lingchuan-fucheng", "lingchuan", "陵川县", "附城镇", "LEVEL_TWO", "DEFERRED", null, List.of(),
                        null, null, "DEFERRED", false, null),
                new ReportRow("gaoping-hexi", "gaoping", "高平市", "=HYPERLINK(\"x\")", "LEVEL_TWO", "ADAPTED", null,
                        List.of(), null, null, "UNAVAILABLE", false, "equipment-service is unavailable, \"down\""));
    }

    private static byte[] bytes(Flux<DataBuffer> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.doOnNext(b -> {
            byte[] chunk = new byte[b.readableByteCount()];
            b.read(chunk);
            out.writeBytes(chunk);
            DataBufferUtils.release(b);
        }).blockLast();
        return out.toByteArray();
    }

    @Test
    void csvStartsWithABomAndParsesBackToTheTable() {
        byte[] file = bytes(writers.csv(Flux.fromIterable(rows()), DefaultDataBufferFactory.sharedInstance));
        assertThat(file[0]).isEqualTo((byte) 0xEF);
        assertThat(file[1]).isEqualTo((byte) 0xBB);
        assertThat(file[2]).isEqualTo((byte) 0xBF);
        List<List<String>> table = parseCsv(new String(file, 3, file.length - 3, StandardCharsets.UTF_8));
        assertThat(table.get(0)).isEqualTo(ReportTable.BRIGADE_HEADERS);
        assertThat(table.subList(1, table.size())).isEqualTo(expectedTable());
    }

    @Test
    void xlsxHasABrigadesSheetAndACountiesSheetWithTheSameTable() throws Exception {
        Path file = writers.xlsx(Flux.fromIterable(rows())).block();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet brigades = workbook.getSheetAt(0);
            assertThat(brigades.getSheetName()).contains("队站");
            List<List<String>> table = sheet(brigades);
            assertThat(table.get(0)).isEqualTo(ReportTable.BRIGADE_HEADERS);
            assertThat(table.subList(1, table.size())).isEqualTo(expectedTable());
            for (Row row : brigades) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.STRING); // never a formula
                }
            }
            List<List<String>> counties = sheet(workbook.getSheetAt(1));
            assertThat(counties.get(0)).isEqualTo(ReportTable.COUNTY_HEADERS);
            assertThat(counties.get(1)).containsExactly("zezhou", "泽州县", "2", "1", "0", "1", "0", "0");
            assertThat(counties).hasSize(4);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void jsonCarriesEveryRowAndTheCountyTotals() {
        JsonNode report = json.readTree(bytes(writers.json(2019, Flux.fromIterable(rows()),
                DefaultDataBufferFactory.sharedInstance)));
        assertThat(report.get("year").asInt()).isEqualTo(2019);
        assertThat(report.get("brigades")).hasSize(4);
        assertThat(report.get("brigades").get(0).get("overridden").asBoolean()).isTrue();
        assertThat(report.get("counties").get(0).get("accepted").asInt()).isEqualTo(1);
        JsonNode empty = json.readTree(bytes(writers.json(2019, Flux.empty(), DefaultDataBufferFactory.sharedInstance)));
        assertThat(empty.get("brigades")).isEmpty();
    }

    private static List<List<String>> expectedTable() {
        List<List<String>> table = new ArrayList<>();
        for (ReportRow r : rows()) {
            table.add(ReportTable.cells(r));
        }
        assertThat(table.get(3).get(3)).isEqualTo("'=HYPERLINK(\"x\")"); // neutralised in both files alike
        return table;
    }

    private static List<List<String>> sheet(Sheet sheet) {
        List<List<String>> table = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                Cell cell = row.getCell(i);
                cells.add(cell == null ? "" : cell.getStringCellValue());
            }
            table.add(cells);
        }
        return table;
    }

    /** A small RFC 4180 reader, enough to read back what the writer wrote. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
