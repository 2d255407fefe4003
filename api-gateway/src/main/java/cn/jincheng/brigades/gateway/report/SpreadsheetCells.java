package cn.jincheng.brigades.gateway.report;

import java.util.Arrays;
import java.util.List;

/** Cells as every exported file writes them: never null, never run as a formula. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * A cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a
     * leading apostrophe, in CSV and XLSX alike, so that both files hold the same table and neither
     * runs code.
     */
    public static List<String> safe(String... cells) {
        return Arrays.stream(cells).map(SpreadsheetCells::safe).toList();
    }

    public static String safe(String cell) {
        String c = cell == null ? "" : cell;
        return !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 ? "'" + c : c;
    }
}
