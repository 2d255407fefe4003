package cn.jincheng.brigades.station.acceptance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.errors.Validator;
import cn.jincheng.brigades.common.identity.AccessPolicy;
import cn.jincheng.brigades.common.identity.Caller;
import cn.jincheng.brigades.proto.compliance.v1.Check;
import cn.jincheng.brigades.proto.compliance.v1.Severity;
import cn.jincheng.brigades.station.compliance.ComplianceComposer;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.County;
import cn.jincheng.brigades.station.domain.CountyRepository;
import cn.jincheng.brigades.station.domain.PlanRepository;

/**
 * The acceptance report of a year: brigades are read in id order and handled a chunk at a time —
 * two batch calls per chunk, whatever the number of brigades — and each row is handed on as soon
 * as it is ready, so memory holds one chunk, not the city.
 */
@Service
public class AcceptanceReport {

    /** One row, as the report shows it; {@code compliant} null when not evaluated. */
    public record Row(Brigade brigade, String countyName, Boolean compliant, List<String> failingChecks,
            Inspection latestCounty, Inspection latestCity, Outcome outcome, String problem) {
    }

    static final int CHUNK = 500;

    private final BrigadeRepository brigades;
    private final CountyRepository counties;
    private final ComplianceComposer composer;
    private final PlanRepository plans;

    public AcceptanceReport(BrigadeRepository brigades, CountyRepository counties, ComplianceComposer composer,
            PlanRepository plans) {
        this.brigades = brigades;
        this.counties = counties;
        this.composer = composer;
        this.plans = plans;
    }

    public void stream(Caller caller, int year, String countyId, Consumer<Row> out) {
        new Validator().check(plans.findAll().stream().anyMatch(p -> p.covers(year)), "year",
                "no plan covers " + year).throwIfInvalid();
        if (countyId != null) {
            AccessPolicy.requireRead(caller, countyId);
        }
        String scope = caller.isCountyClerk() ? caller.county() : countyId;
        Map<String, String> names = counties.findAll().stream().collect(Collectors.toMap(County::id, County::name));
        List<Brigade> chunk = new ArrayList<>(CHUNK);
        brigades.forEach(scope, brigade -> {
            chunk.add(brigade);
            if (chunk.size() == CHUNK) {
                emit(chunk, year, names, out);
                chunk.clear();
            }
        });
        emit(chunk, year, names, out);
    }

    private void emit(List<Brigade> chunk, int year, Map<String, String> names, Consumer<Row> out) {
        if (chunk.isEmpty()) {
            return;
        }
        for (ComplianceComposer.Evaluated e : composer.evaluate(chunk, year)) {
            Brigade b = e.brigade();
            Inspection county = Outcome.latest(b.inspections(), year, Stage.COUNTY).orElse(null);
            Inspection city = Outcome.latest(b.inspections(), year, Stage.CITY).orElse(null);
            Outcome outcome = Outcome.of(b.mode(), b.inspections(), year);
            String countyName = names.getOrDefault(b.countyId(), b.countyId());
            if (e.problem() != null) {
                out.accept(new Row(b, countyName, null, List.of(), county, city, Outcome.UNAVAILABLE,
                        e.problem().getMessage()));
            } else if (e.result().tier() == null) {
                out.accept(new Row(b, countyName, null, List.of(), county, city, outcome, ""));
            } else {
                List<String> failing = e.result().checks().stream()
                        .filter(c -> c.getSeverity() == Severity.SEVERITY_REQUIRED && !c.getMet()).map(Check::getRule)
                        .toList();
                out.accept(new Row(b, countyName, e.result().compliant(), failing, county, city, outcome, ""));
            }
        }
    }
}
