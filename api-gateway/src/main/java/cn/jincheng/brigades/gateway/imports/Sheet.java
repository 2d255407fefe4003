package cn.jincheng.brigades.gateway.imports;

import java.util.List;

/** An uploaded file as cells: the heading row and the data rows (blank rows left out), each with its row number. */
record Sheet(List<String> heading, List<Line> lines, List<RowProblem> problems) {

    record Line(int row, List<String> cells) {

        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }
    }
}
