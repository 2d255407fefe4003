package cn.jincheng.brigades.station.domain.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeService;
import cn.jincheng.brigades.station.domain.ConstructionMode;
import cn.jincheng.brigades.station.domain.Milestone;

/**
 * An ADAPTED brigade's catch-up to the full standard (因地制宜建设: "再用三年时间" to complete it).
 * Honest and simple: the gaps are the FULL tier's REQUIRED checks it fails now (evaluated at FULL
 * whatever the year), and each year-end up to its full-standard deadline is a checkpoint, MET when
 * nothing is missing now, else OVERDUE, DUE (this year) or NOT_YET_DUE on the business clock. The
 * year-ends and the deadline are our reading of the plan (derived), not dates it gives.
 */
public class CatchUpService {

    public enum Status { MET, OVERDUE, DUE, NOT_YET_DUE }

    public record Checkpoint(int year, LocalDate dueDate, boolean derived, Status status) {
    }

    public record CatchUp(String brigadeId, LocalDate dueDate, boolean dueDateDerived, LocalDate evaluatedOn,
            int evaluatedYear, List<String> standards, List<CheckResult> gaps, List<Checkpoint> years) {

        public boolean fullStandardMet() {
            return gaps.isEmpty();
        }
    }

    private final BrigadeService brigades;
    private final ComplianceComposer composer;
    private final TimeSource time;

    public CatchUpService(BrigadeService brigades, ComplianceComposer composer, TimeSource time) {
        this.brigades = brigades;
        this.composer = composer;
        this.time = time;
    }

    public CatchUp of(Caller caller, String brigadeId) {
        Brigade brigade = brigades.get(caller, brigadeId);
        if (brigade.mode() != ConstructionMode.ADAPTED) {
            throw new StateConflictException("brigade '" + brigadeId + "' is " + brigade.mode()
                    + ": only an ADAPTED brigade has a catch-up to the full standard");
        }
        LocalDate deadline = brigade.milestone(ComplianceComposer.FULL_STANDARD_MILESTONE).map(Milestone::dueDate)
                .orElseThrow(() -> new StateConflictException("brigade '" + brigadeId + "' has no full-standard milestone"));
        LocalDate today = time.today();
        ComplianceComposer.Result full = composer.composeAt(caller, brigadeId, today.getYear(), Tier.FULL);
        List<CheckResult> gaps = full.checks().stream().filter(c -> c.severity() == Severity.REQUIRED && !c.met())
                .toList();
        int from = Math.min(composer.planYear(brigade) + 1, deadline.getYear());
        List<Checkpoint> years = new ArrayList<>();
        for (int y = from; y <= deadline.getYear(); y++) {
            LocalDate due = y == deadline.getYear() ? deadline : LocalDate.of(y, 12, 31);
            years.add(new Checkpoint(y, due, true, status(gaps.isEmpty(), due, today)));
        }
        return new CatchUp(brigadeId, deadline, true, today, today.getYear(), full.standards(), gaps, years);
    }

    static Status status(boolean met, LocalDate due, LocalDate today) {
        if (met) {
            return Status.MET;
        }
        if (today.isAfter(due)) {
            return Status.OVERDUE;
        }
        return today.getYear() == due.getYear() ? Status.DUE : Status.NOT_YET_DUE;
    }
}
