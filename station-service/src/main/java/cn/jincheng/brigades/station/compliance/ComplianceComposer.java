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
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeService;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.Milestone;
import cn.jincheng.brigades.station.domain.PlanRepository;

/**
 * A brigade's compliance for a year, composed from the areas of the services that own them
 * (today: equipment-service's VEHICLES, EQUIPMENT and READINESS). This service knows what picks
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

    public ComplianceComposer(BrigadeService brigades, PlanRepository plans, EquipmentArea equipment) {
        this.brigades = brigades;
        this.plans = plans;
        this.equipment = equipment;
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
        BrigadeRef ref = BrigadeRef.newBuilder().setBrigadeId(brigadeId).setLevel(brigade.level().name()).setTier(tier)
                .build();
        List<String> standards = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (BrigadeCompliance area : equipment.evaluate(List.of(ref), year)) {
            standards.add(area.getStandard());
            checks.addAll(area.getChecksList());
        }
        boolean compliant = checks.stream().filter(c -> c.getSeverity() == Severity.SEVERITY_REQUIRED)
                .allMatch(Check::getMet);
        return new Result(brigadeId, year, standards, compliant, tier, checks);
    }

    /** The standard that applies in {@code year}; null for a deferred town. */
    static StandardTier tier(Brigade brigade, int year) {
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
