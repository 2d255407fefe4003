package cn.jincheng.brigades.station.grpc;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.proto.station.v1.AcceptanceRow;
import cn.jincheng.brigades.proto.station.v1.ComplianceSnapshot;
import cn.jincheng.brigades.proto.station.v1.InspectionResult;
import cn.jincheng.brigades.proto.station.v1.InspectionStage;
import cn.jincheng.brigades.proto.station.v1.InspectionSummary;
import cn.jincheng.brigades.proto.station.v1.Outcome;
import cn.jincheng.brigades.station.domain.Inspection;
import cn.jincheng.brigades.station.domain.Result;
import cn.jincheng.brigades.station.domain.Stage;
import cn.jincheng.brigades.station.domain.acceptance.AcceptanceReport;

/** Acceptance values ↔ station.v1. */
final class AcceptanceProtoMapper {

    private AcceptanceProtoMapper() {
    }

    static Stage stage(InspectionStage s) {
        return switch (s) {
            case INSPECTION_STAGE_COUNTY -> Stage.COUNTY;
            case INSPECTION_STAGE_CITY -> Stage.CITY;
            default -> throw new ValidationException("stage", "must be COUNTY or CITY");
        };
    }

    static Result result(InspectionResult r) {
        return switch (r) {
            case INSPECTION_RESULT_PASS -> Result.PASS;
            case INSPECTION_RESULT_FAIL -> Result.FAIL;
            default -> throw new ValidationException("result", "must be PASS or FAIL");
        };
    }

    static cn.jincheng.brigades.proto.station.v1.Inspection inspection(String brigadeId, Inspection i) {
        ComplianceSnapshot.Builder snapshot = ComplianceSnapshot.newBuilder().setCompliant(i.snapshot().compliant())
                .setTier(i.snapshot().tier()).addAllStandards(i.snapshot().standards());
        i.snapshot().checks().forEach(c -> snapshot.addChecks(CheckProtos.check(c)));
        return cn.jincheng.brigades.proto.station.v1.Inspection.newBuilder().setId(i.id()).setBrigadeId(brigadeId)
                .setYear(i.year()).setStage(InspectionStage.valueOf("INSPECTION_STAGE_" + i.stage().name()))
                .setResult(InspectionResult.valueOf("INSPECTION_RESULT_" + i.result().name())).setNotes(i.notes())
                .setOverrideReason(i.overrideReason() == null ? "" : i.overrideReason()).setOverridden(i.overridden())
                .setInspector(i.inspector()).setRole(i.role()).setAt(ProtoTime.timestamp(i.at()))
                .setSnapshot(snapshot).build();
    }

    static AcceptanceRow row(AcceptanceReport.Row r) {
        AcceptanceRow.Builder out = AcceptanceRow.newBuilder().setBrigadeId(r.brigade().id())
                .setCountyId(r.brigade().countyId()).setCountyName(r.countyName()).setTown(r.brigade().town())
                .setLevel(cn.jincheng.brigades.proto.station.v1.BrigadeLevel.valueOf("BRIGADE_LEVEL_" + r.brigade().level().name()))
                .setConstructionMode(cn.jincheng.brigades.proto.station.v1.ConstructionMode
                        .valueOf("CONSTRUCTION_MODE_" + r.brigade().mode().name()))
                .addAllFailingChecks(r.failingChecks()).setOutcome(Outcome.valueOf("OUTCOME_" + r.outcome().name()))
                .setProblem(r.problem());
        if (r.compliant() != null) {
            out.setCompliant(r.compliant());
        }
        if (r.latestCounty() != null) {
            out.setLatestCounty(summary(r.latestCounty()));
        }
        if (r.latestCity() != null) {
            out.setLatestCity(summary(r.latestCity()));
        }
        return out.build();
    }

    private static InspectionSummary summary(Inspection i) {
        return InspectionSummary.newBuilder().setResult(InspectionResult.valueOf("INSPECTION_RESULT_" + i.result().name()))
                .setInspector(i.inspector()).setAt(ProtoTime.timestamp(i.at())).setOverridden(i.overridden())
                .build();
    }
}
