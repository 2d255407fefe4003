package cn.jincheng.brigades.common.domain.imports;

/**
 * How an import is decided: {@code dryRun} only checks; {@code validRowsOnly} stores the valid rows
 * and lists the others (otherwise one bad row stores nothing).
 */
public record ImportOptions(boolean dryRun, boolean validRowsOnly) {

    public static final ImportOptions ALL_OR_NOTHING = new ImportOptions(false, false);
}
