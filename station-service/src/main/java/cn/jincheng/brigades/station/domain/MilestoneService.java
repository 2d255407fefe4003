package cn.jincheng.brigades.station.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/** Milestone submissions (county), decisions (city) and the supervision list of overdue ones. */
public class MilestoneService {

    private final BrigadeService brigadeService;
    private final BrigadeRepository brigades;
    private final CountyRepository counties;
    private final BrigadeWriter writer;
    private final TimeSource time;
    private final PlanRepository plans;

    public MilestoneService(BrigadeService brigadeService, BrigadeRepository brigades, CountyRepository counties,
            BrigadeWriter writer, TimeSource time, PlanRepository plans) {
        this.brigadeService = brigadeService;
        this.brigades = brigades;
        this.counties = counties;
        this.writer = writer;
        this.time = time;
        this.plans = plans;
    }

    public List<Planned> list(Caller caller, String brigadeId) {
        Brigade brigade = brigadeService.get(caller, brigadeId);
        Optional<Plan> plan = plans.find(brigade.planId());
        return brigade.milestones().stream().map(m -> planned(plan, m)).toList();
    }

    /** A brigade's milestone with what its plan says of its date (a plan not found: a stated date). */
    private static Planned planned(Optional<Plan> plan, Milestone m) {
        return plan.flatMap(p -> p.milestone(m.id()))
                .map(d -> new Planned(m, d.derived(), d.planWording(), d.optional()))
                .orElseGet(() -> new Planned(m, false, "", false));
    }

    public Planned submit(Caller caller, String brigadeId, String milestoneId, String evidence) {
        Validator v = new Validator().notBlank(evidence, "evidence").maxLength(evidence, BrigadeService.MAX_TEXT, "evidence");
        Brigade after = writer.modify(brigadeId, current -> {
            AccessPolicy.requireEditBrigadeData(caller, current.countyId());
            v.throwIfInvalid();
            Milestone before = milestoneOf(current, milestoneId);
            Milestone submitted = before.submit(evidence, caller.subject(), time.now());
            return change(caller, current, before, submitted, "milestone.submit",
                    new AuditView("milestoneId", milestoneId).append("evidence", evidence));
        });
        return planned(plans.find(after.planId()), milestoneOf(after, milestoneId));
    }

    public Planned decide(Caller caller, String brigadeId, String milestoneId, Boolean accept, String comment) {
        AccessPolicy.requireDecideMilestones(caller);
        Validator v = new Validator()
                .check(accept != null, "decision", "must be ACCEPT or REJECT")
                .maxLength(comment, BrigadeService.MAX_TEXT, "comment");
        if (Boolean.FALSE.equals(accept)) {
            v.notBlank(comment, "comment");
        }
        v.throwIfInvalid();
        Brigade after = writer.modify(brigadeId, current -> {
            AccessPolicy.requireRead(caller, current.countyId());
            Milestone before = milestoneOf(current, milestoneId);
            Milestone decided = before.decide(accept, comment, caller.subject(), time.now());
            return change(caller, current, before, decided, "milestone.decide",
                    new AuditView("milestoneId", milestoneId).append("decision", accept ? "ACCEPT" : "REJECT")
                            .append("comment", comment));
        });
        return planned(plans.find(after.planId()), milestoneOf(after, milestoneId));
    }

    /**
     * Overdue milestones on {@code asOf}, grouped by county in the caller's scope. What the plan only
     * offers (an optional milestone: the benchmark study a town "may" make) is never overdue.
     */
    public List<CountyOverdue> supervision(Caller caller, LocalDate asOf, String countyId) {
        if (countyId != null) {
            AccessPolicy.requireRead(caller, countyId);
        }
        String scope = caller.isCountyClerk() ? caller.county() : countyId;
        Map<String, List<OverdueItem>> byCounty = new LinkedHashMap<>();
        Map<String, Set<String>> optionalByPlan = new HashMap<>();
        brigades.forEach(scope, brigade -> brigade.milestones().stream()
                .filter(m -> m.isOverdue(asOf))
                .filter(m -> !optionalByPlan.computeIfAbsent(brigade.planId(), this::optionalMilestones).contains(m.id()))
                .forEach(m -> byCounty.computeIfAbsent(brigade.countyId(), k -> new ArrayList<>())
                        .add(new OverdueItem(brigade, m, m.daysOverdue(asOf)))));
        List<CountyOverdue> result = new ArrayList<>();
        for (County county : counties.findAll()) {
            List<OverdueItem> items = byCounty.get(county.id());
            if (items != null) {
                result.add(new CountyOverdue(county, items));
            }
        }
        return result;
    }

    private Set<String> optionalMilestones(String planId) {
        return plans.find(planId).map(p -> p.milestones().stream().filter(MilestoneDefinition::optional)
                .map(MilestoneDefinition::id).collect(Collectors.toSet())).orElse(Set.of());
    }

    private BrigadeWriter.Change change(Caller caller, Brigade current, Milestone before, Milestone after,
            String action, AuditView request) {
        return new BrigadeWriter.Change(current.withMilestone(after), AuditEntry.of(caller, time.now(),
                current.id(), action, AuditViews.milestone(before), AuditViews.milestone(after), request));
    }

    private static Milestone milestoneOf(Brigade brigade, String milestoneId) {
        return brigade.milestone(milestoneId)
                .orElseThrow(() -> new NotFoundException("milestone", brigade.id() + "/" + milestoneId));
    }

    /**
     * A brigade's milestone as its plan defines it.
     *
     * @param derived     the due date is the product's reading, not a date the plan states
     * @param planWording what the plan says instead ("" when it states the date)
     * @param optional    the plan offers it ("可", may) rather than asks it: never overdue
     */
    public record Planned(Milestone milestone, boolean derived, String planWording, boolean optional) {

        /** Late and still to be done, unless the plan only offers it. */
        public boolean isOverdue(LocalDate asOf) {
            return !optional && milestone.isOverdue(asOf);
        }
    }

    /** One overdue milestone of one brigade. */
    public record OverdueItem(Brigade brigade, Milestone milestone, long daysOverdue) {
    }

    /** A county and its overdue milestones. */
    public record CountyOverdue(County county, List<OverdueItem> items) {
    }
}
