package cn.jincheng.brigades.station.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.domain.errors.DependencyUnavailableException;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.compliance.v1.Check;
import cn.jincheng.brigades.proto.compliance.v1.Severity;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeCompliance;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeRef;
import cn.jincheng.brigades.proto.equipment.v1.StandardTier;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeService;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.Milestone;
import cn.jincheng.brigades.station.domain.Plan;
import cn.jincheng.brigades.station.domain.PlanRepository;

/**
 * A brigade's compliance for a year, composed from the areas of the services that own them:
 * this service's HOUSING (the plan's minimums), staffing-service's STAFFING and FUNDING (asked first: its headcount sizes the per-firefighter
 * equipment rules) and equipment-service's VEHICLES, EQUIPMENT and READINESS. This service knows
 * what picks the rules: the level, and the tier the mode gives — the full standard; the reduced
 * one for an ADAPTED brigade up to the year of its full-standard milestone; none for a DEFERRED town.
 * Many brigades cost two calls, whatever their number.
 */
@Service
public class ComplianceComposer {

    /** The composed answer; {@code tier} null means no rules apply. */
    public record Result(String brigadeId, int year, List<String> standards, boolean compliant, StandardTier tier,
            List<Check> checks) {
    }

    /** One brigade of a batch: its result, or why it could not be evaluated. */
    public record Evaluated(Brigade brigade, Result result, DependencyUnavailableException problem) {
    }

    static final String FULL_STANDARD_MILESTONE = "full-standard";

    private final BrigadeService brigades;
    private final PlanRepository plans;
    private final EquipmentArea equipment;
    private final StaffingArea staffing;

    public ComplianceComposer(BrigadeService brigades, PlanRepository plans, EquipmentArea equipment,
            StaffingArea staffing) {
        this.brigades = brigades;
        this.plans = plans;
        this.equipment = equipment;
        this.staffing = staffing;
    }

    /** One brigade; a service that does not answer makes the whole answer fail (naming it). */
    public Result compose(Caller caller, String brigadeId, Integer requestedYear) {
        Brigade brigade = brigades.get(caller, brigadeId);
        int year = requestedYear != null ? requestedYear : planYear(brigade);
        new Validator().range(year, 2000, 2100, "year").throwIfInvalid();
        Evaluated evaluated = evaluate(List.of(brigade), year).get(0);
        if (evaluated.problem() != null) {
            throw evaluated.problem();
        }
        return evaluated.result();
    }

    public int planYear(Brigade brigade) {
        return plans.find(brigade.planId()).orElseThrow(() -> new NotFoundException("plan", brigade.planId())).year();
    }

    /** Many brigades with one call to each service; a service that fails marks its brigades. */
    public List<Evaluated> evaluate(List<Brigade> batch, int year) {
        List<Brigade> active = batch.stream().filter(b -> tier(b, year) != null).toList();
        Map<String, BrigadeStaffing> staffed = new HashMap<>();
        Map<String, BrigadeCompliance> equipped = new HashMap<>();
        DependencyUnavailableException problem = null;
        if (!active.isEmpty()) {
            try {
                staffing.evaluate(active.stream().map(b -> cn.jincheng.brigades.proto.staffing.v1.BrigadeRef.newBuilder()
                        .setBrigadeId(b.id()).setLevel(b.level().name()).setTier(tierName(tier(b, year))).build())
                        .toList(), year).forEach(s -> staffed.put(s.getBrigadeId(), s));
            } catch (DependencyUnavailableException e) {
                problem = e;
            }
            try {
                equipment.evaluate(active.stream().map(b -> {
                    BrigadeRef.Builder ref = BrigadeRef.newBuilder().setBrigadeId(b.id()).setLevel(b.level().name())
                            .setTier(tier(b, year));
                    if (staffed.containsKey(b.id())) {
                        ref.setHeadcount(staffed.get(b.id()).getHeadcount());
                    }
                    return ref.build();
                }).toList(), year).forEach(c -> equipped.put(c.getBrigadeId(), c));
            } catch (DependencyUnavailableException e) {
                problem = problem == null ? e : problem;
            }
        }
        Map<String, Plan> planById = new HashMap<>();
        List<Evaluated> result = new ArrayList<>();
        for (Brigade b : batch) {
            StandardTier tier = tier(b, year);
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

    private static Result combine(Brigade brigade, Plan plan, int year, StandardTier tier, BrigadeStaffing staffing,
            BrigadeCompliance equipment) {
        String brigadeId = brigade.id();
        List<String> standards = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        if (tier == StandardTier.STANDARD_TIER_FULL && !plan.housing().minimums().isEmpty()) {
            // housing is this service's own area; the reduced standard asks for none
            standards.add(plan.id() + "@housing");
            plan.housing().check(brigade.level(), brigade.housing()).forEach(c -> checks.add(CheckProtos.check(c)));
        }
        if (staffing != null) {
            standards.add(staffing.getStandard());
            checks.addAll(staffing.getChecksList());
        }
        if (equipment != null) {
            standards.add(equipment.getStandard());
            checks.addAll(equipment.getChecksList());
        }
        boolean compliant = checks.stream().filter(c -> c.getSeverity() == Severity.SEVERITY_REQUIRED)
                .allMatch(Check::getMet);
        return new Result(brigadeId, year, standards, compliant, tier, checks);
    }

    /** FULL, REDUCED or NONE: how other services and the REST API name a tier. */
    public static String tierName(StandardTier tier) {
        return tier == null ? "NONE" : tier.name().substring("STANDARD_TIER_".length());
    }

    /** The standard that applies in {@code year}; null for a deferred town. */
    public static StandardTier tier(Brigade brigade, int year) {
        if (brigade.mode() == ConstructionMode.DEFERRED) {
            return null;
        }
        if (brigade.mode() == ConstructionMode.ADAPTED) {
            LocalDate deadline = brigade.milestone(FULL_STANDARD_MILESTONE).map(Milestone::dueDate).orElse(null);
            if (deadline == null || year <= deadline.getYear()) {
                return StandardTier.STANDARD_TIER_REDUCED;
            }
        }
        return StandardTier.STANDARD_TIER_FULL;
    }
}
