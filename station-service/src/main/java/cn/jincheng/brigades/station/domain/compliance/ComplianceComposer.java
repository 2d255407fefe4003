package cn.jincheng.brigades.station.domain.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.errors.DependencyUnavailableException;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeService;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.Milestone;
import cn.jincheng.brigades.station.domain.Plan;
import cn.jincheng.brigades.station.domain.PlanRepository;

/**
 * A brigade's compliance for a year, composed from the areas of the services that own them:
 * this service's HOUSING (the plan's minimums), staffing-service's STAFFING and FUNDING (asked first:
 * its headcount sizes the per-firefighter equipment rules) and equipment-service's VEHICLES,
 * EQUIPMENT and READINESS. This service knows what picks the rules: the level, and the tier the mode
 * gives — the full standard; the reduced one for an ADAPTED brigade up to the year of its
 * full-standard milestone; none for a DEFERRED town. Many brigades cost two calls, whatever their number.
 */
public class ComplianceComposer {

    /** The composed answer; {@code tier} null means no rules apply. */
    public record Result(String brigadeId, int year, List<String> standards, boolean compliant, Tier tier,
            List<CheckResult> checks) {
    }

    /** One brigade of a batch: its result, or why it could not be evaluated. */
    public record Evaluated(Brigade brigade, Result result, DependencyUnavailableException problem) {
    }

    static final String FULL_STANDARD_MILESTONE = "full-standard";

    private final BrigadeService brigades;
    private final PlanRepository plans;
    private final ComplianceArea staffing;
    private final ComplianceArea equipment;

    public ComplianceComposer(BrigadeService brigades, PlanRepository plans, ComplianceArea staffing,
            ComplianceArea equipment) {
        this.brigades = brigades;
        this.plans = plans;
        this.staffing = staffing;
        this.equipment = equipment;
    }

    /** One brigade; a service that does not answer makes the whole answer fail (naming it). */
    public Result compose(Caller caller, String brigadeId, Integer requestedYear) {
        Brigade brigade = brigades.get(caller, brigadeId);
        int year = requestedYear != null ? requestedYear : planYear(brigade);
        new Validator().range(year, 2000, 2100, "year").throwIfInvalid();
        Evaluated evaluated = evaluate(List.of(brigade), year, b -> tier(b, year), false).get(0);
        if (evaluated.problem() != null) {
            throw evaluated.problem();
        }
        return evaluated.result();
    }

    public int planYear(Brigade brigade) {
        return plans.find(brigade.planId()).orElseThrow(() -> new NotFoundException("plan", brigade.planId())).year();
    }

    /**
     * One brigade held to {@code tier} in {@code year}, whatever its mode gives (an ADAPTED brigade's
     * gap to the FULL standard); a service that does not answer makes the whole answer fail.
     */
    public Result composeAt(Caller caller, String brigadeId, int year, Tier tier) {
        Brigade brigade = brigades.get(caller, brigadeId);
        new Validator().range(year, 2000, 2100, "year").throwIfInvalid();
        Evaluated evaluated = evaluate(List.of(brigade), year, b -> tier, false).get(0);
        if (evaluated.problem() != null) {
            throw evaluated.problem();
        }
        return evaluated.result();
    }

    /**
     * The verdicts of many brigades with one call to each service; a service that fails marks its
     * brigades. Each result carries the checks not met only (the housing checks all), which is
     * what a verdict and its failing checks need.
     */
    public List<Evaluated> verdicts(List<Brigade> batch, int year) {
        return evaluate(batch, year, b -> tier(b, year), true);
    }

    private List<Evaluated> evaluate(List<Brigade> batch, int year, java.util.function.Function<Brigade, Tier> tierOf,
            boolean unmetOnly) {
        List<Brigade> active = batch.stream().filter(b -> tierOf.apply(b) != null).toList();
        Map<String, AreaAnswer> staffed = new HashMap<>();
        Map<String, AreaAnswer> equipped = new HashMap<>();
        DependencyUnavailableException problem = null;
        if (!active.isEmpty()) {
            try {
                staffing.evaluate(active.stream().map(b -> new AreaRef(b.id(), b.level(), tierOf.apply(b), null,
                        b.fundingPayer())).toList(),
                        year, unmetOnly).forEach(s -> staffed.put(s.brigadeId(), s));
            } catch (DependencyUnavailableException e) {
                problem = e;
            }
            try {
                equipment.evaluate(active.stream().map(b -> new AreaRef(b.id(), b.level(), tierOf.apply(b),
                        staffed.containsKey(b.id()) ? staffed.get(b.id()).headcount() : null)).toList(), year, unmetOnly)
                        .forEach(c -> equipped.put(c.brigadeId(), c));
            } catch (DependencyUnavailableException e) {
                problem = problem == null ? e : problem;
            }
        }
        Map<String, Plan> planById = new HashMap<>();
        List<Evaluated> result = new ArrayList<>();
        for (Brigade b : batch) {
            Tier tier = tierOf.apply(b);
            if (tier == null) {
                result.add(new Evaluated(b, new Result(b.id(), year, List.of(), true, null, List.of()), null));
            } else if (problem != null) {
                result.add(new Evaluated(b, null, problem));
            } else {
                Plan plan = planById.computeIfAbsent(b.planId(),
                        id -> plans.find(id).orElseThrow(() -> new NotFoundException("plan", id)));
                result.add(new Evaluated(b, combine(b, plan, year, tier, staffed.get(b.id()), equipped.get(b.id())), null));
            }
        }
        return result;
    }

    private static Result combine(Brigade brigade, Plan plan, int year, Tier tier, AreaAnswer staffing,
            AreaAnswer equipment) {
        List<String> standards = new ArrayList<>();
        List<CheckResult> checks = new ArrayList<>();
        if (tier == Tier.FULL && !plan.housing().minimums().isEmpty()) {
            // housing is this service's own area; the reduced standard asks for none
            standards.add(plan.id() + "@housing");
            checks.addAll(plan.housing().check(brigade.level(), brigade.housing()));
        }
        for (AreaAnswer area : java.util.Arrays.asList(staffing, equipment)) {
            if (area != null) {
                standards.add(area.standard());
                checks.addAll(area.checks());
            }
        }
        boolean compliant = checks.stream().filter(c -> c.severity() == Severity.REQUIRED).allMatch(CheckResult::met);
        return new Result(brigade.id(), year, standards, compliant, tier, checks);
    }

    /** The standard that applies in {@code year}; null for a deferred town. */
    public static Tier tier(Brigade brigade, int year) {
        if (brigade.mode() == ConstructionMode.DEFERRED) {
            return null;
        }
        if (brigade.mode() == ConstructionMode.ADAPTED) {
            LocalDate deadline = brigade.milestone(FULL_STANDARD_MILESTONE).map(Milestone::dueDate).orElse(null);
            if (deadline == null || year <= deadline.getYear()) {
                return Tier.REDUCED;
            }
        }
        return Tier.FULL;
    }
}
