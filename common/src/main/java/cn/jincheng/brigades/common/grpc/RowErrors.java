package cn.jincheng.brigades.common.grpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.proto.imports.v1.RowError;

/** The errors of an import's rows, and the decision what to store that follows from them and the options. */
public final class RowErrors {

    private final List<RowError> errors = new ArrayList<>();
    private final Set<Integer> badRows = new HashSet<>();

    /** Adds a row's violations. @return whether the row is valid */
    public boolean add(int row, Validator validator) {
        validator.violations().forEach(v -> add(row, v.field(), v.message()));
        return !validator.hasViolations();
    }

    public void add(int row, String field, String message) {
        errors.add(RowError.newBuilder().setRow(row).setField(field).setMessage(message).build());
        badRows.add(row);
    }

    public boolean isBad(int row) {
        return badRows.contains(row);
    }

    /** Whether rows should be stored at all: not on a dry run, and not when any row is bad unless only valid rows were asked for. */
    public boolean mayStore(ImportOptions options) {
        return !options.getDryRun() && (errors.isEmpty() || options.getValidRowsOnly());
    }

    /**
     * The import's answer: the valid rows are stored (by {@code store}, which returns the import's
     * id) only when the options and the errors allow it.
     */
    public ImportResult outcome(ImportOptions options, int rows, int valid, java.util.function.Supplier<String> store) {
        if (!mayStore(options) || valid == 0) {
            return result(null, rows, 0);
        }
        return result(store.get(), rows, valid);
    }

    private ImportResult result(String importId, int rows, int stored) {
        return ImportResult.newBuilder().setImportId(importId == null ? "" : importId).setRows(rows).setStored(stored)
                .addAllErrors(errors.stream().sorted(Comparator.comparingInt(RowError::getRow)).toList()).build();
    }
}
