package cn.jincheng.brigades.station.grpc;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.proto.station.v1.AssessmentGrade;
import cn.jincheng.brigades.proto.station.v1.CatchUp;
import cn.jincheng.brigades.proto.station.v1.CatchUpYear;
import cn.jincheng.brigades.proto.station.v1.CityOutcome;
import cn.jincheng.brigades.proto.station.v1.CountyAcceptance;
import cn.jincheng.brigades.proto.station.v1.CountyBrigadeResults;
import cn.jincheng.brigades.station.domain.acceptance.CountyAcceptanceService;
import cn.jincheng.brigades.station.domain.compliance.CatchUpService;

/** The city's per-county acceptance and an ADAPTED brigade's catch-up ↔ station.v1. */
final class CountyAcceptanceProtoMapper {

    private CountyAcceptanceProtoMapper() {
    }

    static CountyAcceptance county(CountyAcceptanceService.View view) {
        var a = view.acceptance();
        var r = view.brigades();
        CountyAcceptance.Builder out = CountyAcceptance.newBuilder().setYear(a.year()).setCountyId(view.county().id())
                .setCountyName(view.county().name())
                .setBrigades(CountyBrigadeResults.newBuilder().setTotal(r.total()).setAccepted(r.accepted())
                        .setFailed(r.failed()).setAwaitingCity(r.awaitingCity()).setNotInspected(r.notInspected())
                        .setDeferred(r.deferred()))
                .setSummary(a.summary()).setLongTermMechanism(a.longTermMechanism())
                .setSummaryBy(a.summaryBy() == null ? "" : a.summaryBy())
                .setOutcomeNote(a.outcomeNote()).setOutcomeBy(a.outcomeBy() == null ? "" : a.outcomeBy())
                .setVersion(a.version());
        if (a.summaryAt() != null) {
            out.setSummaryAt(ProtoTime.timestamp(a.summaryAt()));
        }
        if (a.outcome() != null) {
            out.setOutcome(CityOutcome.valueOf("CITY_OUTCOME_" + a.outcome().name()));
        }
        if (a.outcomeAt() != null) {
            out.setOutcomeAt(ProtoTime.timestamp(a.outcomeAt()));
        }
        if (a.assessmentYear() != null) {
            out.setAssessmentYear(a.assessmentYear());
        }
        if (a.assessmentScore() != null) {
            out.setAssessmentScore(a.assessmentScore());
        }
        if (a.assessmentGrade() != null) {
            out.setAssessmentGrade(AssessmentGrade.valueOf("ASSESSMENT_GRADE_" + a.assessmentGrade().name()));
        }
        return out.build();
    }

    /** Unspecified: none given (the service then says what is required). */
    static cn.jincheng.brigades.station.domain.acceptance.CityOutcome outcome(CityOutcome o) {
        return switch (o) {
            case CITY_OUTCOME_ACCEPTED -> cn.jincheng.brigades.station.domain.acceptance.CityOutcome.ACCEPTED;
            case CITY_OUTCOME_NOT_ACCEPTED -> cn.jincheng.brigades.station.domain.acceptance.CityOutcome.NOT_ACCEPTED;
            case CITY_OUTCOME_RETURNED_FOR_REWORK ->
                cn.jincheng.brigades.station.domain.acceptance.CityOutcome.RETURNED_FOR_REWORK;
            case CITY_OUTCOME_UNSPECIFIED -> null;
            default -> throw new ValidationException("outcome", "must be ACCEPTED, NOT_ACCEPTED or RETURNED_FOR_REWORK");
        };
    }

    static cn.jincheng.brigades.station.domain.acceptance.AssessmentGrade grade(AssessmentGrade g) {
        return switch (g) {
            case ASSESSMENT_GRADE_EXCELLENT -> cn.jincheng.brigades.station.domain.acceptance.AssessmentGrade.EXCELLENT;
            case ASSESSMENT_GRADE_GOOD -> cn.jincheng.brigades.station.domain.acceptance.AssessmentGrade.GOOD;
            case ASSESSMENT_GRADE_PASS -> cn.jincheng.brigades.station.domain.acceptance.AssessmentGrade.PASS;
            case ASSESSMENT_GRADE_FAIL -> cn.jincheng.brigades.station.domain.acceptance.AssessmentGrade.FAIL;
            case ASSESSMENT_GRADE_UNSPECIFIED -> null;
            default -> throw new ValidationException("assessmentGrade", "must be EXCELLENT, GOOD, PASS or FAIL");
        };
    }

    static CatchUp catchUp(CatchUpService.CatchUp c) {
        CatchUp.Builder out = CatchUp.newBuilder().setBrigadeId(c.brigadeId()).setDueDate(ProtoTime.date(c.dueDate()))
                .setDueDateDerived(c.dueDateDerived()).setEvaluatedOn(ProtoTime.date(c.evaluatedOn()))
                .setEvaluatedYear(c.evaluatedYear()).addAllStandards(c.standards())
                .setFullStandardMet(c.fullStandardMet());
        c.gaps().forEach(g -> out.addGaps(CheckProtos.check(g)));
        c.years().forEach(y -> out.addYears(CatchUpYear.newBuilder().setYear(y.year()).setDueDate(ProtoTime.date(y.dueDate()))
                .setDerived(y.derived()).setStatus(y.status().name())));
        return out.build();
    }
}
