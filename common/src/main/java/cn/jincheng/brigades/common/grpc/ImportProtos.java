package cn.jincheng.brigades.common.grpc;

import java.time.DateTimeException;
import java.time.LocalDate;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.imports.ImportOptions;
import cn.jincheng.brigades.common.domain.imports.ImportOutcome;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.proto.imports.v1.RowError;

/** Imports on the wire (imports.v1) and in the domain. */
public final class ImportProtos {

    private ImportProtos() {
    }

    public static ImportOptions options(cn.jincheng.brigades.proto.imports.v1.ImportOptions o) {
        return new ImportOptions(o.getDryRun(), o.getValidRowsOnly());
    }

    public static ImportResult result(ImportOutcome outcome) {
        return ImportResult.newBuilder().setImportId(outcome.importId() == null ? "" : outcome.importId())
                .setRows(outcome.rows()).setStored(outcome.stored())
                .addAllErrors(outcome.errors().stream().map(e -> RowError.newBuilder().setRow(e.row())
                        .setField(e.field()).setMessage(e.message()).build()).toList())
                .build();
    }

    /**
     * A row's date, or null when absent. An impossible one (which the gateway, having parsed the
     * file, never sends) refuses the call naming the row.
     */
    public static LocalDate date(boolean present, com.google.type.Date date, int row, String field) {
        if (!present) {
            return null;
        }
        try {
            return ProtoTime.localDate(date);
        } catch (DateTimeException e) {
            throw new ValidationException("row " + row + " " + field, "is not a valid date");
        }
    }
}
