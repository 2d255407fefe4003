package cn.jincheng.brigades.staffing.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.grpc.client.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.imports.ImportAccess;
import cn.jincheng.brigades.common.persistence.ImportJournal;
import cn.jincheng.brigades.common.grpc.RowErrors;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.staffing.persistence.StaffingStore;

/**
 * Bulk import of firefighters: each row passes the checks of one added by hand; stored through the
 * import journal, all or none (or the valid rows, if asked), one audit entry per brigade and import.
 */
@Service
public class RosterImports {

    private final BrigadeDirectory directory;
    private final ImportJournal journal;
    private final TimeSource time;
    private final RecordIds ids;

    public RosterImports(BrigadeDirectory directory, ImportJournal journal, TimeSource time, RecordIds ids) {
        this.ids = ids;
        this.directory = directory;
        this.journal = journal;
        this.time = time;
    }

    /** A firefighter row of a file: its row number, then the fields of a firefighter added by hand. */
    public record FirefighterRow(int row, String brigadeId, String name, Employment employment, LocalDate startDate,
            LocalDate endDate) {
    }

    public ImportResult importFirefighters(Caller caller, ImportOptions options, List<FirefighterRow> rows) {
        AccessPolicy.requireEditSomeBrigadeData(caller);
        Map<String, String> counties = directory.knownCounties(
                rows.stream().map(FirefighterRow::brigadeId).collect(Collectors.toSet()));
        RowErrors errors = new RowErrors();
        List<Firefighter> valid = new ArrayList<>();
        for (FirefighterRow row : rows) {
            String name = row.name() == null ? null : row.name().strip();
            Validator v = RosterService.firefighterChecks(name, row.employment(), row.startDate(), row.endDate());
            String county = ImportAccess.editableCounty(caller, counties, row.brigadeId(), v);
            if (errors.add(row.row(), v)) {
                valid.add(new Firefighter(ids.next(), row.brigadeId(), county, name, row.employment(),
                        row.startDate(), row.endDate(), List.of()));
            }
        }
        return errors.outcome(options, rows.size(), valid.size(), () -> {
            ImportJournal.Batch batch = new ImportJournal.Batch();
            valid.forEach(f -> batch.add(StaffingStore.FIREFIGHTERS, StaffingStore.document(f), f.brigadeId(),
                    RosterService.view(f)));
            batch.auditEachBrigade(caller, time.now(), "firefighter.import", "firefighters");
            return journal.store("firefighters", caller.subject(), batch, time.now());
        });
    }
}
