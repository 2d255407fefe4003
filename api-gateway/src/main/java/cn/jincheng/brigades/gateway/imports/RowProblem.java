package cn.jincheng.brigades.gateway.imports;

/** What is wrong with one cell or row of an uploaded file: its row (the heading is row 1), column heading and field. */
public record RowProblem(int row, String column, String field, String message) {
}
