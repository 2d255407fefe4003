package cn.jincheng.brigades.station.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.jincheng.brigades.common.domain.errors.StateConflictException;

/**
 * How milestones follow a change of construction mode.
 * <ul>
 * <li>to DEFERRED: the brigade has none until it is activated again;</li>
 * <li>from DEFERRED (activation): the plan's full set for the new mode, dates moved by the delay
 * between the plan's issue and the activation, keeping the plan's spacing;</li>
 * <li>between two active modes: milestones both modes share keep their state and dates, those the
 * new mode adds come at the plan's dates, those it drops go.</li>
 * </ul>
 */
public final class ModeChange {

    private ModeChange() {
    }

    public static Brigade apply(Brigade brigade, Plan plan, ConstructionMode newMode, LocalDate effectiveDate) {
        if (brigade.mode() == newMode) {
            throw new StateConflictException("brigade '" + brigade.id() + "' is already " + newMode);
        }
        return brigade.withMode(newMode, milestonesAfter(brigade, plan, newMode, effectiveDate));
    }

    private static List<Milestone> milestonesAfter(Brigade brigade, Plan plan, ConstructionMode newMode,
            LocalDate effectiveDate) {
        if (newMode == ConstructionMode.DEFERRED) {
            return List.of();
        }
        if (brigade.mode() == ConstructionMode.DEFERRED) {
            return plan.milestonesStartingOn(brigade.id(), newMode, effectiveDate);
        }
        Map<String, Milestone> kept = brigade.milestones().stream()
                .collect(Collectors.toMap(Milestone::id, Function.identity()));
        List<Milestone> result = new ArrayList<>();
        for (Milestone fresh : plan.milestonesFor(brigade.id(), newMode)) {
            result.add(kept.getOrDefault(fresh.id(), fresh));
        }
        return result;
    }
}
