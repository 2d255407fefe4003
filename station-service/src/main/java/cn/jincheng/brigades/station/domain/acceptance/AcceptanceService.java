package cn.jincheng.brigades.station.domain.acceptance;

import java.util.List;
import java.util.UUID;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeService;
import cn.jincheng.brigades.station.domain.BrigadeWriter;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.Inspection;
import cn.jincheng.brigades.station.domain.Milestone;
import cn.jincheng.brigades.station.domain.MilestoneStatus;
import cn.jincheng.brigades.station.domain.Outcome;
import cn.jincheng.brigades.station.domain.Plan;
import cn.jincheng.brigades.station.domain.PlanRepository;
import cn.jincheng.brigades.station.domain.Result;
import cn.jincheng.brigades.station.domain.Snapshot;
import cn.jincheng.brigades.station.domain.Stage;
import cn.jincheng.brigades.station.domain.compliance.ComplianceComposer;
import cn.jincheng.brigades.station.domain.compliance.Tier;

/**
 * Year-end acceptance inspections. The snapshot is taken before anything is written: if a service
 * cannot complete it, nothing is recorded. The inspection, the acceptance milestone that follows
 * the outcome and the audit entry are one write of the brigade document.
 */
public class AcceptanceService {

    static final String ACCEPTANCE_MILESTONE = "acceptance";

    private final BrigadeService brigades;
    private final BrigadeWriter writer;
    private final ComplianceComposer composer;
    private final PlanRepository plans;
    private final TimeSource time;

    public AcceptanceService(BrigadeService brigades, BrigadeWriter writer, ComplianceComposer composer,
            PlanRepository plans, TimeSource time) {
        this.brigades = brigades;
        this.writer = writer;
        this.composer = composer;
        this.plans = plans;
        this.time = time;
    }

    public Inspection record(Caller caller, String brigadeId, int year, Stage stage, Result result, String notes,
            String overrideReason) {
        Brigade brigade = brigades.get(caller, brigadeId);
        if (stage == Stage.COUNTY) {
            AccessPolicy.requireCountyInspection(caller, brigade.countyId());
        } else if (stage == Stage.CITY) {
            AccessPolicy.requireCityInspection(caller);
        }
        Validator v = new Validator()
                .check(stage != null, "stage", "must be COUNTY or CITY")
                .check(result != null, "result", "must be PASS or FAIL")
                .maxLength(notes, 4000, "notes").maxLength(overrideReason, 4000, "overrideReason");
        checkYear(v, brigade, year);
        v.throwIfInvalid();
        requireInspectable(brigade, year, stage);
        ComplianceComposer.Result compliance = composer.compose(caller, brigadeId, year);
        boolean overridden = result == Result.PASS && !compliance.compliant();
        if (overridden && (overrideReason == null || overrideReason.isBlank())) {
            throw new cn.jincheng.brigades.common.domain.errors.ValidationException("overrideReason",
                    "the compliance snapshot is not compliant: a PASS needs the reason for the override");
        }
        Inspection inspection = new Inspection(UUID.randomUUID().toString(), year, stage, result,
                notes == null ? "" : notes, overridden ? overrideReason : "", overridden, caller.subject(),
                caller.role().name(), time.now(), new Snapshot(compliance.compliant(),
                        Tier.name(compliance.tier()), compliance.standards(), compliance.checks()));
        writer.modify(brigadeId, current -> {
            requireInspectable(current, year, stage); // again, on what is stored now
            Brigade after = followOutcome(current.withInspection(inspection), year, caller);
            AuditView request = new AuditView("year", year).append("stage", stage.name()).append("result", result.name())
                    .append("notes", inspection.notes()).append("overrideReason", inspection.overrideReason());
            AuditView record = new AuditView("inspectionId", inspection.id()).append("compliant", compliance.compliant())
                    .append("overridden", overridden).append("outcome", Outcome.of(after.mode(), after.inspections(), year).name());
            return new BrigadeWriter.Change(after, AuditEntry.of(caller, time.now(), brigadeId, "acceptance.inspection",
                    new AuditView("outcome", Outcome.of(current.mode(), current.inspections(), year).name()), record,
                    request));
        });
        return inspection;
    }

    public List<Inspection> list(Caller caller, String brigadeId, Integer year) {
        return brigades.get(caller, brigadeId).inspections().stream()
                .filter(i -> year == null || i.year() == year).toList();
    }

    /** A year of the brigade's plan, or of its own (moved) milestones for a town activated late. */
    void checkYear(Validator v, Brigade brigade, int year) {
        Plan plan = plans.find(brigade.planId()).orElseThrow();
        boolean ownYear = brigade.milestones().stream().anyMatch(m -> m.dueDate().getYear() >= year)
                && year >= plan.year();
        v.check(plan.covers(year) || ownYear, "year", "is not a year of plan " + plan.id());
    }

    private static void requireInspectable(Brigade brigade, int year, Stage stage) {
        if (brigade.mode() == ConstructionMode.DEFERRED) {
            throw new StateConflictException("brigade '" + brigade.id() + "' is deferred: no acceptance until it is activated");
        }
        if (stage == Stage.CITY && Outcome.latest(brigade.inspections(), year, Stage.COUNTY)
                .map(i -> i.result() != Result.PASS).orElse(true)) {
            throw new StateConflictException("the city inspects after the county has passed brigade '" + brigade.id()
                    + "' for " + year);
        }
    }

    /** The acceptance milestone of that year follows the outcome. */
    private Brigade followOutcome(Brigade brigade, int year, Caller caller) {
        Milestone milestone = brigade.milestone(ACCEPTANCE_MILESTONE).orElse(null);
        if (milestone == null || milestone.dueDate().getYear() != year) {
            return brigade;
        }
        Outcome outcome = Outcome.of(brigade.mode(), brigade.inspections(), year);
        MilestoneStatus status = switch (outcome) {
            case ACCEPTED -> MilestoneStatus.ACCEPTED;
            case REJECTED -> MilestoneStatus.REJECTED;
            default -> Outcome.latest(brigade.inspections(), year, null).isPresent() ? MilestoneStatus.SUBMITTED
                    : MilestoneStatus.PENDING;
        };
        return brigade.withMilestone(milestone.followOutcome(status, caller.subject(), time.now(),
                "year-end acceptance: " + outcome));
    }
}
