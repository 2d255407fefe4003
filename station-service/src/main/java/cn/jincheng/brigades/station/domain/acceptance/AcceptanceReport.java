package cn.jincheng.brigades.station.domain.acceptance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.County;
import cn.jincheng.brigades.station.domain.CountyRepository;
import cn.jincheng.brigades.station.domain.Inspection;
import cn.jincheng.brigades.station.domain.Outcome;
import cn.jincheng.brigades.station.domain.PlanRepository;
import cn.jincheng.brigades.station.domain.Stage;
import cn.jincheng.brigades.station.domain.compliance.ComplianceComposer;

/**
 * The acceptance report of a year: brigades are read in id order and handled a chunk at a time —
 * two batch calls per chunk, whatever the number of brigades — and each row is handed on as soon
 * as it is ready, so memory holds a few chunks, not the city.
 * <p>
 * The next chunk is evaluated while this one is: a chunk asks staffing-service first and
 * equipment-service after (the headcount sizes equipment rules), so one chunk at a time left each
 * service idle while the other worked. Rows still go out in id order.
 */
public class AcceptanceReport {

    /** One row, as the report shows it; {@code compliant} null when not evaluated. */
    public record Row(Brigade brigade, String countyName, Boolean compliant, List<String> failingChecks,
            Inspection latestCounty, Inspection latestCity, Outcome outcome, String problem) {
    }

    static final int CHUNK = 500;
    /** Chunks being evaluated besides the one whose rows go out next. */
    public static final int AHEAD = 1;

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

    /**
     * Streams the rows of the year's report to {@code out}, in brigade id order.
     *
     * @param evaluators where chunks are evaluated ({@value #AHEAD} ahead of the one going out); it
     *                   must carry the caller's call context (identity, deadline) to its threads
     */
    public void stream(Caller caller, int year, String countyId, Executor evaluators, Consumer<Row> out) {
        new Validator().check(plans.findAll().stream().anyMatch(p -> p.covers(year)), "year",
                "no plan covers " + year).throwIfInvalid();
        if (countyId != null) {
            AccessPolicy.requireRead(caller, countyId);
        }
        String scope = caller.isCountyClerk() ? caller.county() : countyId;
        Map<String, String> names = counties.findAll().stream().collect(Collectors.toMap(County::id, County::name));
        Executor inContext = evaluators;
        Deque<CompletableFuture<List<ComplianceComposer.Evaluated>>> evaluating = new ArrayDeque<>();
        List<Brigade> chunk = new ArrayList<>(CHUNK);
        brigades.forEach(scope, brigade -> {
            chunk.add(brigade);
            if (chunk.size() == CHUNK) {
                evaluating.add(evaluate(List.copyOf(chunk), year, inContext));
                chunk.clear();
                if (evaluating.size() > AHEAD) {
                    emit(evaluating.poll(), year, names, out);
                }
            }
        });
        if (!chunk.isEmpty()) {
            evaluating.add(evaluate(List.copyOf(chunk), year, inContext));
        }
        while (!evaluating.isEmpty()) {
            emit(evaluating.poll(), year, names, out);
        }
    }

    private CompletableFuture<List<ComplianceComposer.Evaluated>> evaluate(List<Brigade> chunk, int year, Executor executor) {
        return CompletableFuture.supplyAsync(() -> composer.verdicts(chunk, year), executor);
    }

    private static void emit(CompletableFuture<List<ComplianceComposer.Evaluated>> evaluated, int year,
            Map<String, String> names, Consumer<Row> out) {
        List<ComplianceComposer.Evaluated> chunk;
        try {
            chunk = evaluated.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        for (ComplianceComposer.Evaluated e : chunk) {
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
                        .filter(c -> c.severity() == Severity.REQUIRED && !c.met()).map(CheckResult::rule).toList();
                out.accept(new Row(b, countyName, e.result().compliant(), failing, county, city, outcome, ""));
            }
        }
    }
}
