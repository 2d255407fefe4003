package cn.jincheng.brigades.common.domain.imports;

import java.util.List;

/** What an import did: its id (null when nothing was stored), rows read, rows stored, and every row's errors in row order. */
public record ImportOutcome(String importId, int rows, int stored, List<RowError> errors) {

    /** One bad cell (or row) of a file: its row number (the heading is row 1) and field. */
    public record RowError(int row, String field, String message) {
    }

    public ImportOutcome {
        errors = List.copyOf(errors);
    }
}
