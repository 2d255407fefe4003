package cn.jincheng.brigades.staffing.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.client.BrigadeDirectory;
import cn.jincheng.brigades.common.errors.Validator;
import cn.jincheng.brigades.common.identity.AccessPolicy;
import cn.jincheng.brigades.common.identity.Caller;
import cn.jincheng.brigades.common.imports.ImportAccess;
import cn.jincheng.brigades.common.imports.ImportJournal;
import cn.jincheng.brigades.common.imports.RowErrors;
import cn.jincheng.brigades.common.time.TimeSource;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.proto.staffing.v1.FirefighterRow;
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

    public RosterImports(BrigadeDirectory directory, ImportJournal journal, TimeSource time) {
        this.directory = directory;
        this.journal = journal;
        this.time = time;
    }

    public ImportResult importFirefighters(Caller caller, ImportOptions options, List<FirefighterRow> rows) {
        AccessPolicy.requireEditSomeBrigadeData(caller);
        Map<String, String> counties = directory.knownCounties(
                rows.stream().map(FirefighterRow::getBrigadeId).collect(Collectors.toSet()));
        RowErrors errors = new RowErrors();
        List<Firefighter> valid = new ArrayList<>();
        for (FirefighterRow row : rows) {
            String name = row.getName().strip();
            Employment employment = switch (row.getEmployment()) {
                case EMPLOYMENT_LABOUR_DISPATCH -> Employment.LABOUR_DISPATCH;
                case EMPLOYMENT_CONTRACT -> Employment.CONTRACT;
                case EMPLOYMENT_CAREER -> Employment.CAREER;
                default -> null;
            };
            LocalDate start = ImportAccess.date(row.hasStartDate(), row.getStartDate());
            LocalDate end = ImportAccess.date(row.hasEndDate(), row.getEndDate());
            Validator v = RosterService.firefighterChecks(name, employment, start, end)
                    .check(!row.hasEndDate() || end != null, "endDate", "is not a valid date");
            String county = ImportAccess.editableCounty(caller, counties, row.getBrigadeId(), v);
            if (errors.add(row.getRow(), v)) {
                valid.add(new Firefighter(UUID.randomUUID().toString(), row.getBrigadeId(), county, name, employment,
                        start, end, List.of()));
            }
        }
        if (!errors.mayStore(options) || valid.isEmpty()) {
            return errors.result(null, rows.size(), 0);
        }
        ImportJournal.Batch batch = new ImportJournal.Batch();
        valid.forEach(f -> batch.add(StaffingStore.FIREFIGHTERS, StaffingStore.document(f), f.brigadeId(),
                RosterService.view(f)));
        batch.auditEachBrigade(caller, time.now(), "firefighter.import", "firefighters");
        String id = journal.store("firefighters", caller.subject(), batch, time.now());
        return errors.result(id, rows.size(), valid.size());
    }
}
