package cn.jincheng.brigades.station.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.imports.ImportOptions;
import cn.jincheng.brigades.common.domain.imports.ImportOutcome;
import cn.jincheng.brigades.common.domain.imports.RowErrors;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/**
 * Bulk creation of brigades by the city administrator, e.g. a province loading its townships. A
 * new brigade joins the newest plan with that plan's milestones for its construction mode, exactly
 * as a seeded one does; ids are new (an existing id is a row error, never an overwrite).
 */
public class BrigadeImports {

    /** Ids appear in URLs: lower-case letters, digits and dashes, such as zezhou-gaodu. */
    static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,79}$");

    /** A row as the service reads it. */
    public record Row(int row, String id, String countyId, String town, BrigadeLevel level, ConstructionMode mode,
            String partner, String situation) {
    }

    private final BrigadeRepository brigades;
    private final CountyRepository counties;
    private final PlanRepository plans;
    private final TimeSource time;
    private final DirectorySync directory;

    public BrigadeImports(BrigadeRepository brigades, CountyRepository counties, PlanRepository plans, TimeSource time,
            DirectorySync directory) {
        this.directory = directory;
        this.brigades = brigades;
        this.counties = counties;
        this.plans = plans;
        this.time = time;
    }

    public ImportOutcome importBrigades(Caller caller, ImportOptions options, List<Row> rows) {
        AccessPolicy.requireCityAdmin(caller, "create brigades");
        Plan plan = plans.findAll().stream().max(Comparator.comparingInt(Plan::year))
                .orElseThrow(() -> new StateConflictException("there is no plan for new brigades to join"));
        Set<String> knownCounties = new java.util.TreeSet<>();
        counties.findAll().forEach(c -> knownCounties.add(c.id()));
        String countyHint = "is not a county of the plan (" + String.join(", ", knownCounties) + ")";
        Set<String> existing = brigades.existingIds(
                rows.stream().map(Row::id).filter(id -> id != null && !id.isEmpty()).toList());
        Map<String, Integer> firstRowOfId = new HashMap<>();
        RowErrors errors = new RowErrors();
        List<Brigade> valid = new ArrayList<>();
        for (Row row : rows) {
            String town = row.town() == null ? null : row.town().strip();
            Validator v = new Validator()
                    .check(row.id() != null && ID.matcher(row.id()).matches(), "id",
                            "must be 2-80 lower-case letters, digits or dashes, such as zezhou-gaodu")
                    .check(!existing.contains(row.id()), "id", "a brigade with this id exists already")
                    .check(row.countyId() != null && knownCounties.contains(row.countyId()), "county", countyHint)
                    .notBlank(town, "town").maxLength(town, 100, "town")
                    .check(row.level() != null, "level", "must be LEVEL_ONE or LEVEL_TWO")
                    .check(row.mode() != null, "constructionMode",
                            "must be SELF_BUILT, JOINT_ENTERPRISE, ADAPTED, DEFERRED or EXISTING")
                    .maxLength(row.partner(), 200, "partner").maxLength(row.situation(), 2000, "situation");
            Integer first = row.id() == null ? null : firstRowOfId.putIfAbsent(row.id(), row.row());
            v.check(first == null, "id", "appears twice in the file (also in row " + first + ")");
            if (errors.add(row.row(), v)) {
                valid.add(plan.newBrigade(row.id(), row.countyId(), town, row.level(), row.mode(),
                        emptyToNull(row.partner()), emptyToNull(row.situation())));
            }
        }
        return errors.outcome(options, rows.size(), valid.size(), () -> {
            String importId = brigades.importAll(caller.subject(), valid, valid.stream().map(b -> AuditEntry.of(caller,
                    time.now(), b.id(), "brigade.import", null, AuditViews.brigadeData(b), new AuditView("plan", plan.id())))
                    .toList(), time.now());
            directory.created(valid);
            return importId;
        });
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
