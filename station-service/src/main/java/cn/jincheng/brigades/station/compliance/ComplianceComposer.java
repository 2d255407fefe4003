package cn.jincheng.brigades.station.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.errors.NotFoundException;
import cn.jincheng.brigades.common.errors.Validator;
import cn.jincheng.brigades.common.identity.Caller;
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
import cn.jincheng.brigades.station.domain.PlanRepository;

/**
 * A brigade's compliance for a year, composed from the areas of the services that own them:
 * staffing-service's STAFFING and FUNDING (asked first: its headcount sizes the per-firefighter
 * equipment rules) and equipment-service's VEHICLES, EQUIPMENT and READINESS. This service knows what picks
 * the rules: the level, and the tier the mode gives — the full standard; the reduced one for an
 * ADAPTED brigade up to the year of its full-standard milestone; none for a DEFERRED town.
 */
@Service
public class ComplianceComposer {

    /** The composed answer; {@code tier} null means no rules apply. */
    public record Result(String brigadeId, int year, List<String> standards, boolean compliant, StandardTier tier,
            List<Check> checks) {
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

    public Result compose(Caller caller, String brigadeId, Integer requestedYear) {
        Brigade brigade = brigades.get(caller, brigadeId);
        int year = requestedYear != null ? requestedYear
                : plans.find(brigade.planId()).orElseThrow(() -> new NotFoundException("plan", brigade.planId())).year();
        new Validator().range(year, 2000, 2100, "year").throwIfInvalid();
        StandardTier tier = tier(brigade, year);
        if (tier == null) {
            return new Result(brigadeId, year, List.of(), true, null, List.of());
        }
        List<String> standards = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        BrigadeRef.Builder ref = BrigadeRef.newBuilder().setBrigadeId(brigadeId).setLevel(brigade.level().name())
                .setTier(tier);
        for (BrigadeStaffing area : staffing.evaluate(List.of(cn.jincheng.brigades.proto.staffing.v1.BrigadeRef
                .newBuilder().setBrigadeId(brigadeId).setLevel(brigade.level().name()).setTier(tierName(tier)).build()),
                year)) {
            standards.add(area.getStandard());
            checks.addAll(area.getChecksList());
            ref.setHeadcount(area.getHeadcount());
        }
        for (BrigadeCompliance area : equipment.evaluate(List.of(ref.build()), year)) {
            standards.add(area.getStandard());
            checks.addAll(area.getChecksList());
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
