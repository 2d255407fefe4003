package cn.jincheng.brigades.common.domain.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import cn.jincheng.brigades.common.domain.errors.Validator;

/** The errors of an import's rows, and the decision what to store that follows from them and the options. */
public final class RowErrors {

    private final List<ImportOutcome.RowError> errors = new ArrayList<>();
    private final Set<Integer> badRows = new HashSet<>();

    /** Adds a row's violations. @return whether the row is valid */
    public boolean add(int row, Validator validator) {
        validator.violations().forEach(v -> add(row, v.field(), v.message()));
        return !validator.hasViolations();
    }

    public void add(int row, String field, String message) {
        errors.add(new ImportOutcome.RowError(row, field, message));
        badRows.add(row);
    }

    public boolean isBad(int row) {
        return badRows.contains(row);
    }

    /** Whether rows should be stored at all: not on a dry run, and not when any row is bad unless only valid rows were asked for. */
    public boolean mayStore(ImportOptions options) {
        return !options.dryRun() && (errors.isEmpty() || options.validRowsOnly());
    }

    /**
     * The import's outcome: the valid rows are stored (by {@code store}, which returns the import's
     * id) only when the options and the errors allow it.
     */
    public ImportOutcome outcome(ImportOptions options, int rows, int valid, Supplier<String> store) {
        if (!mayStore(options) || valid == 0) {
            return result(null, rows, 0);
        }
        return result(store.get(), rows, valid);
    }

    private ImportOutcome result(String importId, int rows, int stored) {
        return new ImportOutcome(importId, rows, stored,
                errors.stream().sorted(Comparator.comparingInt(ImportOutcome.RowError::row)).toList());
    }
}
