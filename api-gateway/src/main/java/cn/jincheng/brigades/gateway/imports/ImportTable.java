package cn.jincheng.brigades.gateway.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.gateway.problem.Problem;

/**
 * Maps a sheet onto an import kind's columns and reads every cell as its column's type. A heading
 * that names no column, a column twice or a required column missing refuses the whole file (the
 * rows cannot be read right); a bad cell is a problem of its row, reported with every other.
 */
final class ImportTable {

    private static final int MAX_TEXT = 2000;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DASHED = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A row whose every cell was read: values by field (absent optional cells are absent). */
    record TypedRow(int row, Map<String, Object> values) {

        String text(String field) {
            Object v = values.get(field);
            return v == null ? "" : v.toString();
        }

        Integer number(String field) {
            return (Integer) values.get(field);
        }

        LocalDate date(String field) {
            return (LocalDate) values.get(field);
        }
    }

    /** The rows read in full, the problems of the others, and how many data rows the file has. */
    record Result(List<TypedRow> rows, List<RowProblem> problems, int lines) {
    }

    private ImportTable() {
    }

    static Result read(ImportKind kind, Sheet sheet) {
        int[] indexOf = columnIndexes(kind, sheet.heading());
        List<RowProblem> problems = new ArrayList<>(sheet.problems());
        // a row with a cell the reader could not take (a formula) is never stored, even if that cell is optional
        java.util.Set<Integer> unreadable = new java.util.HashSet<>();
        sheet.problems().forEach(p -> unreadable.add(p.row()));
        List<TypedRow> rows = new ArrayList<>();
        for (Sheet.Line line : sheet.lines()) {
            Map<String, Object> values = new HashMap<>();
            boolean ok = !unreadable.contains(line.row());
            for (int c = 0; c < kind.columns.size(); c++) {
                ImportColumn column = kind.columns.get(c);
                String cell = indexOf[c] < 0 ? "" : line.cell(indexOf[c]).strip();
                if (cell.isEmpty()) {
                    if (column.required()) {
                        problems.add(new RowProblem(line.row(), column.heading(), column.field(), "is required"));
                        ok = false;
                    }
                    continue;
                }
                try {
                    values.put(column.field(), value(column, cell));
                } catch (IllegalArgumentException e) {
                    problems.add(new RowProblem(line.row(), column.heading(), column.field(), e.getMessage()));
                    ok = false;
                }
            }
            if (ok) {
                rows.add(new TypedRow(line.row(), values));
            }
        }
        return new Result(rows, problems, sheet.lines().size());
    }

    private static int[] columnIndexes(ImportKind kind, List<String> heading) {
        int[] indexOf = new int[kind.columns.size()];
        java.util.Arrays.fill(indexOf, -1);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int h = 0; h < heading.size(); h++) {
            String cell = heading.get(h) == null ? "" : heading.get(h).strip();
            if (cell.isEmpty()) {
                continue;
            }
            int match = -1;
            for (int c = 0; c < kind.columns.size(); c++) {
                if (kind.columns.get(c).heads(cell)) {
                    match = c;
                }
            }
            if (match < 0) {
                errors.add(new Problem.FieldError(null, "is not a column of the " + kind.path + " template", 1, cell));
            } else if (indexOf[match] >= 0) {
                errors.add(new Problem.FieldError(kind.columns.get(match).field(), "appears twice", 1, cell));
            } else {
                indexOf[match] = h;
            }
        }
        for (int c = 0; c < kind.columns.size(); c++) {
            ImportColumn column = kind.columns.get(c);
            if (column.required() && indexOf[c] < 0) {
                errors.add(new Problem.FieldError(column.field(), "this required column is missing", 1, column.heading()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("the heading row does not match the " + kind.path
                    + " template (download it from /api/v1/imports/" + kind.path + "/template)", errors);
        }
        return indexOf;
    }

    private static Object value(ImportColumn column, String cell) {
        return switch (column.type()) {
            case TEXT -> {
                if (cell.codePointCount(0, cell.length()) > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield cell;
            }
            case WHOLE_NUMBER -> wholeNumber(cell);
            case DATE -> date(cell);
            case CHOICE -> {
                String value = column.choices().get(cell);
                if (value == null) {
                    value = column.choices().get(cell.toUpperCase(Locale.ROOT));
                }
                if (value == null) {
                    throw new IllegalArgumentException("must be one of " + column.hint());
                }
                yield value;
            }
        };
    }

    private static int wholeNumber(String cell) {
        try {
            long n = new java.math.BigDecimal(cell).longValueExact();
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("is too large");
            }
            return (int) n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    private static LocalDate date(String cell) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DASHED, SLASHED)) {
            try {
                return LocalDate.parse(cell, format);
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        throw new IllegalArgumentException("must be a date written YYYY-MM-DD");
    }
}
