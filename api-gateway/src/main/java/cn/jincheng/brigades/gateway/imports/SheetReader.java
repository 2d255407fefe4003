package cn.jincheng.brigades.gateway.imports;

import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.gateway.problem.ApiException;

/**
 * Reads an uploaded CSV (UTF-8, RFC 4180) or XLSX file into cells, a row at a time, and stops as soon
 * as the file has more rows than one import may carry: what a file costs in memory is bounded by the
 * row limit, not by the file. Refuses what it cannot read faithfully: CSV that is not UTF-8 or
 * whose quoting is broken, a damaged or oversized workbook, and formulas (their value depends on the
 * sheet they came from), which are reported per cell so the user can paste values instead.
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
        return xlsx ? XlsxSheetReader.read(body) : CsvSheetReader.read(body);
    }

    /** Collects the rows a reader hands over: the first is the heading, blank ones are left out. */
    static final class Rows {
        private List<String> heading;
        private final List<Sheet.Line> lines = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();

        void add(int rowNumber, List<String> cells) {
            if (heading == null) {
                heading = cells;
            } else if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                if (lines.size() == MAX_ROWS) {
                    throw ApiException.badRequest("a file may carry at most " + MAX_ROWS + " rows; split it");
                }
                lines.add(new Sheet.Line(rowNumber, cells));
            }
        }

        void problem(RowProblem problem) {
            problems.add(problem);
        }

        Sheet sheet(String noHeading) {
            if (heading == null) {
                throw ApiException.badRequest(noHeading);
            }
            return new Sheet(heading, lines, problems);
        }
    }
}
