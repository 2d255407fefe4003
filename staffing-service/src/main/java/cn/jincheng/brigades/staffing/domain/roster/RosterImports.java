package cn.jincheng.brigades.staffing.domain.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jincheng.brigades.common.domain.audit.ImportAudit;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.imports.ImportAccess;
import cn.jincheng.brigades.common.domain.imports.ImportOptions;
import cn.jincheng.brigades.common.domain.imports.ImportOutcome;
import cn.jincheng.brigades.common.domain.imports.RowErrors;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/**
 * Bulk import of firefighters: each row passes the checks of one added by hand; stored all or none
 * (or the valid rows, if asked), one audit entry per brigade and import.
 */
public class RosterImports {

    private final RosterRepository store;
    private final BrigadeDirectory directory;
    private final TimeSource time;
    private final RecordIds ids;

    public RosterImports(RosterRepository store, BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        this.store = store;
        this.directory = directory;
        this.time = time;
        this.ids = ids;
    }

    /** A firefighter row of a file: its row number, then the fields of a firefighter added by hand. */
    public record FirefighterRow(int row, String brigadeId, String name, Employment employment, LocalDate startDate,
            LocalDate endDate) {
    }

    public ImportOutcome importFirefighters(Caller caller, ImportOptions options, List<FirefighterRow> rows) {
        AccessPolicy.requireEditSomeBrigadeData(caller);
        Map<String, String> counties = directory.knownCounties(
                rows.stream().map(FirefighterRow::brigadeId).collect(Collectors.toSet()));
        RowErrors errors = new RowErrors();
        List<Firefighter> valid = new ArrayList<>();
        for (FirefighterRow row : rows) {
            String name = row.name() == null ? null : row.name().strip();
            Validator v = FirefighterChecks.forNew(name, row.employment(), row.startDate(), row.endDate());
            String county = ImportAccess.editableCounty(caller, counties, row.brigadeId(), v);
            if (errors.add(row.row(), v)) {
                valid.add(new Firefighter(ids.next(), row.brigadeId(), county, name, row.employment(),
                        row.startDate(), row.endDate(), List.of()));
            }
        }
        return errors.outcome(options, rows.size(), valid.size(), () -> {
            Instant at = time.now();
            return store.importAll(caller.subject(), valid, ImportAudit.perBrigade(caller, at, "firefighter.import",
                    "firefighters", valid, Firefighter::brigadeId, FirefighterChecks::view), at);
        });
    }
}
