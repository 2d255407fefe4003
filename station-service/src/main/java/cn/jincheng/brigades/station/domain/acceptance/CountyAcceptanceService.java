package cn.jincheng.brigades.station.domain.acceptance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.County;
import cn.jincheng.brigades.station.domain.CountyRepository;
import cn.jincheng.brigades.station.domain.Inspection;
import cn.jincheng.brigades.station.domain.Outcome;
import cn.jincheng.brigades.station.domain.PlanRepository;
import cn.jincheng.brigades.station.domain.Result;
import cn.jincheng.brigades.station.domain.Stage;

/**
 * The city's acceptance of each county's work (the plan: counties accept their brigades, then the
 * city checks each county's work together with its annual fire-work assessment). The county writes
 * its summary and long-term mechanism; the city records its outcome. Every write names the version
 * it read (0 before the first) and carries its audit entry, on the chain {@link #auditKey}.
 */
public class CountyAcceptanceService {

    public static final int MAX_TEXT = 8000;
    public static final int MAX_NOTE = 4000;

    /** The county's brigades in the year, from their latest inspections. */
    public record BrigadeResults(int total, int accepted, int failed, int awaitingCity, int notInspected,
            int deferred) {

        static final BrigadeResults NONE = new BrigadeResults(0, 0, 0, 0, 0, 0);

        /** Active brigades (not deferred) without a passing city inspection as their latest. */
        public int withoutCityPass() {
            return total - deferred - accepted;
        }

        BrigadeResults add(Brigade b, int year) {
            if (b.mode() == ConstructionMode.DEFERRED) {
                return new BrigadeResults(total + 1, accepted, failed, awaitingCity, notInspected, deferred + 1);
            }
            Optional<Inspection> latest = Outcome.latest(b.inspections(), year, null);
            if (latest.isEmpty()) {
                return new BrigadeResults(total + 1, accepted, failed, awaitingCity, notInspected + 1, deferred);
            }
            if (latest.get().result() == Result.FAIL) {
                return new BrigadeResults(total + 1, accepted, failed + 1, awaitingCity, notInspected, deferred);
            }
            return latest.get().stage() == Stage.CITY
                    ? new BrigadeResults(total + 1, accepted + 1, failed, awaitingCity, notInspected, deferred)
                    : new BrigadeResults(total + 1, accepted, failed, awaitingCity + 1, notInspected, deferred);
        }
    }

    /** What a read answers: the stored record (or an empty one), the county and its brigades' results. */
    public record View(County county, CountyAcceptance acceptance, BrigadeResults brigades) {
    }

    private final CountyAcceptanceRepository store;
    private final CountyRepository counties;
    private final BrigadeRepository brigades;
    private final PlanRepository plans;
    private final TimeSource time;

    public CountyAcceptanceService(CountyAcceptanceRepository store, CountyRepository counties,
            BrigadeRepository brigades, PlanRepository plans, TimeSource time) {
        this.store = store;
        this.counties = counties;
        this.brigades = brigades;
        this.plans = plans;
        this.time = time;
    }

    /** The audit chain of a county's acceptance in a year. */
    public static String auditKey(int year, String countyId) {
        return "county-acceptance:" + year + ":" + countyId;
    }

    public View get(Caller caller, int year, String countyId) {
        County county = county(countyId);
        AccessPolicy.requireRead(caller, county.id());
        checkYear(year);
        return view(county, year);
    }

    /** Every county in the caller's scope, in the plan's order: one read of the records, one pass over the brigades. */
    public List<View> list(Caller caller, int year) {
        checkYear(year);
        List<County> scope = counties.findAll().stream().filter(c -> caller.sees(c.id())).toList();
        if (caller.isCountyClerk()) {
            AccessPolicy.requireRead(caller, caller.county());
        }
        Map<String, CountyAcceptance> stored = new HashMap<>();
        store.findYear(year).forEach(a -> stored.put(a.countyId(), a));
        Map<String, BrigadeResults> results = new LinkedHashMap<>();
        brigades.forEach(caller.isCountyClerk() ? caller.county() : null,
                b -> results.merge(b.countyId(), BrigadeResults.NONE.add(b, year), (x, y) -> x.add(b, year)));
        List<View> out = new ArrayList<>();
        for (County c : scope) {
            out.add(new View(c, stored.getOrDefault(c.id(), CountyAcceptance.empty(year, c.id())),
                    results.getOrDefault(c.id(), BrigadeResults.NONE)));
        }
        return out;
    }

    public View updateSummary(Caller caller, int year, String countyId, Long expectedVersion, String summary,
            String mechanism) {
        County county = county(countyId);
        AccessPolicy.requireCountySummary(caller, county.id());
        checkYear(year);
        Validator v = new Validator();
        requireVersion(v, expectedVersion);
        v.maxLength(summary, MAX_TEXT, "summary").maxLength(mechanism, MAX_TEXT, "longTermMechanism").throwIfInvalid();
        CountyAcceptance before = current(year, county.id(), expectedVersion);
        CountyAcceptance after = before.withSummary(nullToEmpty(summary), nullToEmpty(mechanism), caller.subject(),
                time.now());
        AuditView request = new AuditView("summary", after.summary()).append("longTermMechanism", after.longTermMechanism());
        write(before, after, AuditEntry.of(caller, time.now(), auditKey(year, county.id()), "acceptance.county.summary",
                before.version() == 0 ? null : new AuditView("summary", before.summary())
                        .append("longTermMechanism", before.longTermMechanism()),
                new AuditView("version", after.version()).append("summary", after.summary())
                        .append("longTermMechanism", after.longTermMechanism()), request));
        return view(county, year);
    }

    public View recordOutcome(Caller caller, int year, String countyId, Long expectedVersion, CityOutcome outcome,
            String note, Integer assessmentYear, Double score, AssessmentGrade grade) {
        County county = county(countyId);
        AccessPolicy.requireCountyOutcome(caller);
        checkYear(year);
        Validator v = new Validator();
        requireVersion(v, expectedVersion);
        v.check(outcome != null, "outcome", "must be ACCEPTED, NOT_ACCEPTED or RETURNED_FOR_REWORK")
                .maxLength(note, MAX_NOTE, "note");
        if (assessmentYear != null) {
            v.range(assessmentYear, 2000, 2100, "assessmentYear");
        }
        if (score != null) {
            v.range(score, 0, 100, "assessmentScore");
        }
        v.throwIfInvalid();
        BrigadeResults results = results(county.id(), year);
        if (outcome == CityOutcome.ACCEPTED && results.withoutCityPass() > 0 && (note == null || note.isBlank())) {
            throw new ValidationException("note", results.withoutCityPass() + " of the county's brigades have no passing"
                    + " city inspection: accepting the county needs the reason");
        }
        CountyAcceptance before = current(year, county.id(), expectedVersion);
        Integer linkedYear = assessmentYear != null ? assessmentYear : (score != null || grade != null ? year : null);
        CountyAcceptance after = before.withOutcome(outcome, nullToEmpty(note), linkedYear, score, grade,
                caller.subject(), time.now());
        AuditView request = new AuditView("outcome", outcome.name()).append("note", after.outcomeNote())
                .append("assessmentYear", linkedYear).append("assessmentScore", score)
                .append("assessmentGrade", grade == null ? null : grade.name());
        write(before, after, AuditEntry.of(caller, time.now(), auditKey(year, county.id()), "acceptance.county.outcome",
                before.outcome() == null ? null : new AuditView("outcome", before.outcome().name())
                        .append("note", before.outcomeNote()).append("assessmentScore", before.assessmentScore())
                        .append("assessmentGrade", before.assessmentGrade() == null ? null : before.assessmentGrade().name()),
                new AuditView("version", after.version()).append("outcome", outcome.name())
                        .append("brigadesWithoutCityPass", results.withoutCityPass()),
                request));
        return view(county, year);
    }

    private View view(County county, int year) {
        return new View(county, store.find(year, county.id()).orElse(CountyAcceptance.empty(year, county.id())),
                results(county.id(), year));
    }

    private BrigadeResults results(String countyId, int year) {
        BrigadeResults[] sum = {BrigadeResults.NONE};
        brigades.forEach(countyId, b -> sum[0] = sum[0].add(b, year));
        return sum[0];
    }

    private CountyAcceptance current(int year, String countyId, long expectedVersion) {
        CountyAcceptance stored = store.find(year, countyId).orElse(CountyAcceptance.empty(year, countyId));
        if (stored.version() != expectedVersion) {
            throw new StaleVersionException("county acceptance", year + "/" + countyId, expectedVersion, stored.version());
        }
        return stored;
    }

    private void write(CountyAcceptance before, CountyAcceptance after, AuditEntry audit) {
        if (!store.save(after, audit)) {
            long now = store.find(after.year(), after.countyId()).map(CountyAcceptance::version).orElse(0L);
            throw new StaleVersionException("county acceptance", after.year() + "/" + after.countyId(),
                    before.version(), now);
        }
    }

    private County county(String countyId) {
        return counties.find(countyId == null ? "" : countyId)
                .orElseThrow(() -> new NotFoundException("county", countyId));
    }

    private void checkYear(int year) {
        new Validator().check(plans.findAll().stream().anyMatch(p -> p.covers(year)), "year", "no plan covers " + year)
                .throwIfInvalid();
    }

    private static void requireVersion(Validator v, Long expectedVersion) {
        v.check(expectedVersion != null && expectedVersion >= 0, "version",
                "the version you last read is required (If-Match; 0 before the first write)");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
