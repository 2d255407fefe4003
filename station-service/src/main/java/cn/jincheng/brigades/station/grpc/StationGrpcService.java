package cn.jincheng.brigades.station.grpc;

import static cn.jincheng.brigades.common.grpc.Replies.reply;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.domain.audit.AuditLog;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.common.grpc.AuditPages;
import cn.jincheng.brigades.common.grpc.CheckProtos;
import cn.jincheng.brigades.common.grpc.ImportProtos;
import cn.jincheng.brigades.common.grpc.ImportStream;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.proto.station.v1.AcceptanceRow;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesResponse;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.BrigadeStandard;
import cn.jincheng.brigades.proto.station.v1.ChangeConstructionModeRequest;
import cn.jincheng.brigades.proto.station.v1.CountySupervision;
import cn.jincheng.brigades.proto.station.v1.DecideMilestoneRequest;
import cn.jincheng.brigades.proto.station.v1.Decision;
import cn.jincheng.brigades.proto.station.v1.GetAcceptanceReportRequest;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.GetComplianceRequest;
import cn.jincheng.brigades.proto.station.v1.GetComplianceResponse;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListRequest;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListResponse;
import cn.jincheng.brigades.proto.station.v1.ImportBrigadesChunk;
import cn.jincheng.brigades.proto.station.v1.Inspection;
import cn.jincheng.brigades.proto.station.v1.InspectionResult;
import cn.jincheng.brigades.proto.station.v1.InspectionStage;
import cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest;
import cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsResponse;
import cn.jincheng.brigades.proto.station.v1.ListBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.ListBrigadesResponse;
import cn.jincheng.brigades.proto.station.v1.ListCountiesRequest;
import cn.jincheng.brigades.proto.station.v1.ListCountiesResponse;
import cn.jincheng.brigades.proto.station.v1.ListInspectionsRequest;
import cn.jincheng.brigades.proto.station.v1.ListInspectionsResponse;
import cn.jincheng.brigades.proto.station.v1.ListMilestonesRequest;
import cn.jincheng.brigades.proto.station.v1.ListMilestonesResponse;
import cn.jincheng.brigades.proto.station.v1.Milestone;
import cn.jincheng.brigades.proto.station.v1.RecordInspectionRequest;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import cn.jincheng.brigades.proto.station.v1.SubmitMilestoneRequest;
import cn.jincheng.brigades.proto.station.v1.UpdateBrigadeRequest;
import cn.jincheng.brigades.station.domain.BrigadeImports;
import cn.jincheng.brigades.station.domain.BrigadePage;
import cn.jincheng.brigades.station.domain.BrigadeQuery;
import cn.jincheng.brigades.station.domain.BrigadeService;
import cn.jincheng.brigades.station.domain.County;
import cn.jincheng.brigades.station.domain.CountyRepository;
import cn.jincheng.brigades.station.domain.MilestoneService;
import cn.jincheng.brigades.station.domain.acceptance.AcceptanceReport;
import cn.jincheng.brigades.station.domain.acceptance.AcceptanceService;
import cn.jincheng.brigades.station.domain.compliance.ComplianceComposer;
import cn.jincheng.brigades.station.domain.compliance.Tier;
import cn.jincheng.brigades.station.domain.acceptance.CountyAcceptanceService;
import cn.jincheng.brigades.station.domain.compliance.CatchUpService;
import cn.jincheng.brigades.proto.station.v1.CatchUp;
import cn.jincheng.brigades.proto.station.v1.CountyAcceptance;
import cn.jincheng.brigades.proto.station.v1.GetCatchUpRequest;
import cn.jincheng.brigades.proto.station.v1.GetCountyAcceptanceRequest;
import cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesRequest;
import cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesResponse;
import cn.jincheng.brigades.proto.station.v1.RecordCountyOutcomeRequest;
import cn.jincheng.brigades.proto.station.v1.UpdateCountySummaryRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** station.v1 over gRPC: maps messages, delegates to the domain services, decides nothing itself. */
@Service
class StationGrpcService extends StationServiceGrpc.StationServiceImplBase {

    private static final int MAX_BATCH = 1000;

    private final BrigadeService brigades;
    private final MilestoneService milestones;
    private final CountyRepository counties;
    private final ComplianceComposer compliance;
    private final AcceptanceService acceptance;
    private final AcceptanceReport report;
    private final TimeSource time;

    private final AuditLog auditTrail;

    private final BrigadeImports imports;
    private final Executor reportEvaluators;
    private final CountyAcceptanceService countyAcceptance;
    private final CatchUpService catchUp;

    StationGrpcService(BrigadeService brigades, MilestoneService milestones,
            CountyRepository counties, ComplianceComposer compliance, AcceptanceService acceptance,
            AcceptanceReport report, TimeSource time, AuditLog auditTrail, BrigadeImports imports,
            @Qualifier("reportEvaluators") Executor reportEvaluators, CountyAcceptanceService countyAcceptance,
            CatchUpService catchUp) {
        this.countyAcceptance = countyAcceptance;
        this.catchUp = catchUp;
        this.reportEvaluators = reportEvaluators;
        this.imports = imports;
        this.auditTrail = auditTrail;
        this.compliance = compliance;
        this.acceptance = acceptance;
        this.report = report;
        this.brigades = brigades;
        this.milestones = milestones;
        this.counties = counties;
        this.time = time;
    }

    @Override
    public void listCounties(ListCountiesRequest request, StreamObserver<ListCountiesResponse> out) {
        reply(out, ListCountiesResponse.newBuilder()
                .addAllCounties(brigades.listCounties(caller()).stream().map(StationProtoMapper::county).toList())
                .build());
    }

    @Override
    public void listBrigades(ListBrigadesRequest request, StreamObserver<ListBrigadesResponse> out) {
        int pageSize = PageTokens.pageSize(request.getPageSize());
        BrigadeQuery query = new BrigadeQuery(emptyToNull(request.getCountyId()),
                StationProtoMapper.level(request.getLevel(), "level"),
                StationProtoMapper.mode(request.getConstructionMode(), "mode"),
                PageTokens.decode(request.getPageToken()));
        BrigadePage page = brigades.list(caller(), query, pageSize);
        reply(out, ListBrigadesResponse.newBuilder()
                .addAllBrigades(withCountyNames(page.brigades()))
                .setNextPageToken(PageTokens.encode(page.nextAfterId()))
                .build());
    }

    @Override
    public void getBrigade(GetBrigadeRequest request, StreamObserver<Brigade> out) {
        reply(out, withCountyNames(List.of(brigades.get(caller(), request.getId()))).get(0));
    }

    @Override
    public void batchGetBrigades(BatchGetBrigadesRequest request, StreamObserver<BatchGetBrigadesResponse> out) {
        new Validator().check(request.getIdsCount() <= MAX_BATCH, "ids", "at most " + MAX_BATCH + " ids per call")
                .throwIfInvalid();
        reply(out, BatchGetBrigadesResponse.newBuilder()
                .addAllBrigades(withCountyNames(brigades.batchGet(caller(), request.getIdsList()))).build());
    }

    @Override
    public StreamObserver<ImportBrigadesChunk> importBrigades(StreamObserver<ImportResult> out) {
        Caller caller = caller();
        return new ImportStream<>(out, ImportBrigadesChunk::getOptions,
                chunk -> chunk.getRowsList().stream().map(StationProtoMapper::importRow).toList(),
                (options, rows) -> ImportProtos.result(imports.importBrigades(caller, ImportProtos.options(options), rows)));
    }

    @Override
    public void updateBrigade(UpdateBrigadeRequest request, StreamObserver<Brigade> out) {
        cn.jincheng.brigades.station.domain.Brigade updated = brigades.update(caller(), request.getId(),
                request.getExpectedVersion(),
                request.hasHousing() ? StationProtoMapper.housingPatch(request.getHousing()) : null,
                request.hasPartner() ? request.getPartner() : null,
                request.hasNotes() ? request.getNotes() : null);
        reply(out, withCountyNames(List.of(updated)).get(0));
    }

    @Override
    public void changeConstructionMode(ChangeConstructionModeRequest request, StreamObserver<Brigade> out) {
        cn.jincheng.brigades.station.domain.ConstructionMode mode =
                StationProtoMapper.mode(request.getConstructionMode(), "constructionMode");
        cn.jincheng.brigades.station.domain.Brigade changed = brigades.changeMode(caller(), request.getId(), mode,
                request.getReason(), request.hasExpectedVersion() ? request.getExpectedVersion() : null,
                ProtoTime.localDate(request.getEffectiveDate(), request.hasEffectiveDate(), "effectiveDate"));
        reply(out, withCountyNames(List.of(changed)).get(0));
    }

    @Override
    public void listMilestones(ListMilestonesRequest request, StreamObserver<ListMilestonesResponse> out) {
        LocalDate asOf = asOf(request.getAsOf(), request.hasAsOf());
        reply(out, ListMilestonesResponse.newBuilder()
                .addAllMilestones(milestones.list(caller(), request.getBrigadeId()).stream()
                        .map(m -> StationProtoMapper.milestone(m, asOf)).toList())
                .build());
    }

    @Override
    public void submitMilestone(SubmitMilestoneRequest request, StreamObserver<Milestone> out) {
        reply(out, StationProtoMapper.milestone(milestones.submit(caller(), request.getBrigadeId(),
                request.getMilestoneId(), request.getEvidence()), time.today()));
    }

    @Override
    public void decideMilestone(DecideMilestoneRequest request, StreamObserver<Milestone> out) {
        Boolean accept = request.getDecision() == Decision.DECISION_ACCEPT ? Boolean.TRUE
                : request.getDecision() == Decision.DECISION_REJECT ? Boolean.FALSE : null;
        reply(out, StationProtoMapper.milestone(milestones.decide(caller(), request.getBrigadeId(),
                request.getMilestoneId(), accept, emptyToNull(request.getComment())), time.today()));
    }

    @Override
    public void getSupervisionList(GetSupervisionListRequest request, StreamObserver<GetSupervisionListResponse> out) {
        LocalDate asOf = asOf(request.getAsOf(), request.hasAsOf());
        GetSupervisionListResponse.Builder response = GetSupervisionListResponse.newBuilder()
                .setAsOf(ProtoTime.date(asOf));
        for (MilestoneService.CountyOverdue county : milestones.supervision(caller(), asOf,
                emptyToNull(request.getCountyId()))) {
            response.addCounties(CountySupervision.newBuilder()
                    .setCountyId(county.county().id()).setCountyName(county.county().name())
                    .addAllMilestones(county.items().stream().map(StationProtoMapper::overdue).toList()));
        }
        reply(out, response.build());
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest request, StreamObserver<ListAuditEntriesResponse> out) {
        brigades.get(caller(), request.getBrigadeId()); // 404 unknown, 403 another county
        reply(out, AuditPages.list(auditTrail, request));
    }

    @Override
    public void getCompliance(GetComplianceRequest request, StreamObserver<GetComplianceResponse> out) {
        ComplianceComposer.Result result = compliance.compose(caller(), request.getBrigadeId(),
                request.getYear() == 0 ? null : request.getYear());
        reply(out, GetComplianceResponse.newBuilder().setBrigadeId(result.brigadeId())
                .addAllStandards(result.standards()).setCompliant(result.compliant())
                .setRulesApply(result.tier() != null)
                .setTier(Tier.name(result.tier()))
                .setYear(result.year()).addAllChecks(result.checks().stream().map(CheckProtos::check).toList()).build());
    }

    @Override
    public void listBrigadeStandards(ListBrigadeStandardsRequest request,
            StreamObserver<ListBrigadeStandardsResponse> out) {
        int year = request.getYear();
        new Validator().range(year, 2000, 2100, "year").throwIfInvalid();
        ListBrigadeStandardsResponse.Builder response = ListBrigadeStandardsResponse.newBuilder();
        for (cn.jincheng.brigades.station.domain.Brigade b : brigades.inScope(caller(), emptyToNull(request.getCountyId()))) {
            response.addBrigades(BrigadeStandard.newBuilder().setBrigadeId(b.id()).setCountyId(b.countyId())
                    .setLevel(b.level().name()).setTier(Tier.name(ComplianceComposer.tier(b, year)))
                    .setFundingPayer(b.fundingPayer().name()));
        }
        reply(out, response.build());
    }

    @Override
    public void recordInspection(RecordInspectionRequest r, StreamObserver<Inspection> out) {
        var inspection = acceptance.record(caller(), r.getBrigadeId(), r.getYear(),
                r.getStage() == InspectionStage.INSPECTION_STAGE_UNSPECIFIED ? null : AcceptanceProtoMapper.stage(r.getStage()),
                r.getResult() == InspectionResult.INSPECTION_RESULT_UNSPECIFIED ? null
                        : AcceptanceProtoMapper.result(r.getResult()),
                r.getNotes(), r.getOverrideReason());
        reply(out, AcceptanceProtoMapper.inspection(r.getBrigadeId(), inspection));
    }

    @Override
    public void listInspections(ListInspectionsRequest r, StreamObserver<ListInspectionsResponse> out) {
        reply(out, ListInspectionsResponse.newBuilder().addAllInspections(acceptance.list(caller(), r.getBrigadeId(),
                r.getYear() == 0 ? null : r.getYear()).stream()
                .map(i -> AcceptanceProtoMapper.inspection(r.getBrigadeId(), i)).toList()).build());
    }

    @Override
    public void getAcceptanceReport(GetAcceptanceReportRequest r, StreamObserver<AcceptanceRow> out) {
        ServerCallStreamObserver<AcceptanceRow> stream = (ServerCallStreamObserver<AcceptanceRow>) out;
        // the caller's identity and deadline live in the gRPC context: the evaluating threads get it too
        report.stream(caller(), r.getYear(), emptyToNull(r.getCountyId()), Context.currentContextExecutor(reportEvaluators), row -> {
            if (stream.isCancelled()) {
                // the caller went away (a closed connection, a spent deadline): the rest of the city is not read
                throw Status.CANCELLED.withDescription("the caller cancelled the report").asRuntimeException();
            }
            stream.onNext(AcceptanceProtoMapper.row(row));
        });
        stream.onCompleted();
    }

    @Override
    public void getCountyAcceptance(GetCountyAcceptanceRequest r, StreamObserver<CountyAcceptance> out) {
        reply(out, CountyAcceptanceProtoMapper.county(countyAcceptance.get(caller(), r.getYear(), r.getCountyId())));
    }

    @Override
    public void listCountyAcceptances(ListCountyAcceptancesRequest r, StreamObserver<ListCountyAcceptancesResponse> out) {
        reply(out, ListCountyAcceptancesResponse.newBuilder().addAllCounties(countyAcceptance.list(caller(), r.getYear())
                .stream().map(CountyAcceptanceProtoMapper::county).toList()).build());
    }

    @Override
    public void updateCountySummary(UpdateCountySummaryRequest r, StreamObserver<CountyAcceptance> out) {
        reply(out, CountyAcceptanceProtoMapper.county(countyAcceptance.updateSummary(caller(), r.getYear(),
                r.getCountyId(), r.hasExpectedVersion() ? r.getExpectedVersion() : null, r.getSummary(),
                r.getLongTermMechanism())));
    }

    @Override
    public void recordCountyOutcome(RecordCountyOutcomeRequest r, StreamObserver<CountyAcceptance> out) {
        reply(out, CountyAcceptanceProtoMapper.county(countyAcceptance.recordOutcome(caller(), r.getYear(),
                r.getCountyId(), r.hasExpectedVersion() ? r.getExpectedVersion() : null,
                CountyAcceptanceProtoMapper.outcome(r.getOutcome()), r.getNote(),
                r.hasAssessmentYear() ? r.getAssessmentYear() : null,
                r.hasAssessmentScore() ? r.getAssessmentScore() : null,
                CountyAcceptanceProtoMapper.grade(r.getAssessmentGrade()))));
    }

    @Override
    public void getCatchUp(GetCatchUpRequest r, StreamObserver<CatchUp> out) {
        reply(out, CountyAcceptanceProtoMapper.catchUp(catchUp.of(caller(), r.getBrigadeId())));
    }

    private List<Brigade> withCountyNames(List<cn.jincheng.brigades.station.domain.Brigade> list) {
        Map<String, String> names = counties.findAll().stream().collect(Collectors.toMap(County::id, County::name));
        return list.stream().map(b -> StationProtoMapper.brigade(b, names.getOrDefault(b.countyId(), ""))).toList();
    }

    private LocalDate asOf(com.google.type.Date date, boolean present) {
        LocalDate asOf = ProtoTime.localDate(date, present, "asOf");
        return asOf != null ? asOf : time.today();
    }

    @Override
    public void verifyAuditChain(VerifyAuditChainRequest r, StreamObserver<VerifyAuditChainResponse> out) {
        reply(out, AuditPages.verify(auditTrail, caller(), r));
    }

    @Override
    public void getAuditHeads(cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsRequest r,
            StreamObserver<cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse> out) {
        reply(out, AuditPages.heads(auditTrail.heads(brigades.batchGet(caller(), AuditPages.headIds(r)).stream().map(cn.jincheng.brigades.station.domain.Brigade::id).toList())));
    }

    private static Caller caller() {
        return CallerContext.current();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
