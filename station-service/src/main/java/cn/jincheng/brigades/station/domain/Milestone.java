package cn.jincheng.brigades.station.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.jincheng.brigades.common.domain.errors.StateConflictException;

/**
 * One milestone of one brigade. Transitions: PENDING or REJECTED → SUBMITTED (county, with
 * evidence) → ACCEPTED or REJECTED (city). An ACCEPTED milestone is final. Every transition
 * returns a new value with its version raised; an illegal one is refused.
 */
public record Milestone(String brigadeId, String id, String name, LocalDate dueDate, MilestoneStatus status,
        boolean followsAcceptance, String evidence, String submittedBy, Instant submittedAt,
        String decisionComment, String decidedBy, Instant decidedAt, long version) {

    public static Milestone pending(String brigadeId, String id, String name, LocalDate dueDate,
            boolean followsAcceptance) {
        return new Milestone(brigadeId, id, name, dueDate, MilestoneStatus.PENDING, followsAcceptance,
                null, null, null, null, null, null, 1);
    }

    /** Past its due date on {@code asOf} and not accepted. */
    public boolean isOverdue(LocalDate asOf) {
        return status != MilestoneStatus.ACCEPTED && asOf.isAfter(dueDate);
    }

    public long daysOverdue(LocalDate asOf) {
        return isOverdue(asOf) ? ChronoUnit.DAYS.between(dueDate, asOf) : 0;
    }

    public Milestone submit(String evidence, String by, Instant at) {
        requireManual();
        if (status != MilestoneStatus.PENDING && status != MilestoneStatus.REJECTED) {
            throw new StateConflictException("milestone '" + id + "' is " + status
                    + "; only a PENDING or REJECTED milestone can be submitted");
        }
        return new Milestone(brigadeId, id, name, dueDate, MilestoneStatus.SUBMITTED, followsAcceptance,
                evidence, by, at, null, null, null, version + 1);
    }

    public Milestone decide(boolean accept, String comment, String by, Instant at) {
        requireManual();
        if (status != MilestoneStatus.SUBMITTED) {
            throw new StateConflictException("milestone '" + id + "' is " + status
                    + "; only a SUBMITTED milestone can be decided");
        }
        return new Milestone(brigadeId, id, name, dueDate,
                accept ? MilestoneStatus.ACCEPTED : MilestoneStatus.REJECTED, followsAcceptance,
                evidence, submittedBy, submittedAt, comment, by, at, version + 1);
    }

    /**
     * The acceptance milestone following the acceptance outcome: SUBMITTED after a county PASS,
     * ACCEPTED after the city's PASS, REJECTED after a FAIL. Only for that milestone.
     */
    public Milestone followOutcome(MilestoneStatus outcomeStatus, String by, Instant at, String comment) {
        if (!followsAcceptance) {
            throw new IllegalStateException("milestone '" + id + "' does not follow the acceptance outcome");
        }
        if (outcomeStatus == status) {
            return this;
        }
        boolean decided = outcomeStatus == MilestoneStatus.ACCEPTED || outcomeStatus == MilestoneStatus.REJECTED;
        return new Milestone(brigadeId, id, name, dueDate, outcomeStatus, true, evidence,
                outcomeStatus == MilestoneStatus.SUBMITTED ? by : submittedBy,
                outcomeStatus == MilestoneStatus.SUBMITTED ? at : submittedAt,
                decided ? comment : null, decided ? by : null, decided ? at : null, version + 1);
    }

    private void requireManual() {
        if (followsAcceptance) {
            throw new StateConflictException("milestone '" + id
                    + "' follows the year-end acceptance outcome and is set by acceptance inspections");
        }
    }
}
