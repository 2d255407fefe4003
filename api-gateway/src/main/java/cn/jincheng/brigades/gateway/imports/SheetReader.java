package cn.jincheng.brigades.gateway.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import cn.jincheng.brigades.gateway.problem.ApiException;

/**
 * Reads an uploaded CSV (UTF-8, RFC 4180) or XLSX file into cells. Refuses what it cannot read
 * faithfully: CSV that is not UTF-8 (Excel's "CSV UTF-8" is; GBK is refused rather than guessed),
 * a damaged workbook, and formulas (their value depends on the sheet they came from), which are
 * reported per cell so the user can paste values instead.
 */
final class SheetReader {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_ROWS = cn.jincheng.brigades.common.grpc.ImportStream.MAX_ROWS;

    private SheetReader() {
    }

    static Sheet read(byte[] body, boolean xlsx) {
        if (body.length == 0) {
            throw ApiException.badRequest("the file is empty");
        }
        return xlsx ? xlsx(body) : csv(body);
    }

    static Sheet csv(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the file is not UTF-8 text: in Excel, save it as \"CSV UTF-8\"");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new CsvRecords(text).all();
        if (records.isEmpty()) {
            throw ApiException.badRequest("the file has no heading row");
        }
        List<Sheet.Line> lines = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).stream().anyMatch(c -> !c.isBlank())) {
                lines.add(new Sheet.Line(i + 1, records.get(i)));
            }
            checkSize(lines);
        }
        return new Sheet(records.get(0), lines, List.of());
    }

    static Sheet xlsx(byte[] body) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ApiException.badRequest("the workbook has no sheet");
            }
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            List<RowProblem> problems = new ArrayList<>();
            List<String> heading = null;
            List<Sheet.Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null && cell.getCellType() == CellType.FORMULA) {
                        problems.add(new RowProblem(row.getRowNum() + 1, new CellReference(row.getRowNum(), c).formatAsString(),
                                null, "formulas are not accepted: copy the cells and paste them as values"));
                        cells.add("");
                    } else {
                        cells.add(text(cell));
                    }
                }
                if (heading == null) {
                    heading = cells;
                } else if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    lines.add(new Sheet.Line(row.getRowNum() + 1, cells));
                    checkSize(lines);
                }
            }
            if (heading == null) {
                throw ApiException.badRequest("the first sheet has no heading row");
            }
            return new Sheet(heading, lines, problems);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("the file is not a readable XLSX workbook");
        }
    }

    private static void checkSize(List<Sheet.Line> lines) {
        if (lines.size() > MAX_ROWS) {
            throw ApiException.badRequest("a file may carry at most " + MAX_ROWS + " rows; split it");
        }
    }

    /** A cell as the user sees it: dates as YYYY-MM-DD, whole numbers without ".0". */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase();
            default -> "";
        };
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
    private static final class CsvRecords {
        private final String text;
        private int at;

        CsvRecords(String text) {
            this.text = text;
        }

        List<List<String>> all() {
            List<List<String>> records = new ArrayList<>();
            while (at < text.length()) {
                records.add(record());
            }
            return records;
        }

        private List<String> record() {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (quoted) {
                    if (c == '"' && at < text.length() && text.charAt(at) == '"') {
                        field.append('"');
                        at++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && at < text.length() && text.charAt(at) == '\n') {
                        at++;
                    }
                    break;
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
