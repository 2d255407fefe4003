package cn.jincheng.brigades.staffing.grpc;

import static cn.jincheng.brigades.common.grpc.Replies.reply;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.domain.audit.BrigadeAuditTrail;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.common.grpc.AuditPages;
import cn.jincheng.brigades.common.grpc.ImportProtos;
import cn.jincheng.brigades.common.grpc.ImportStream;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.proto.staffing.v1.AddFirefighterRequest;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.proto.staffing.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.staffing.v1.Firefighter;
import cn.jincheng.brigades.proto.staffing.v1.Funding;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingResponse;
import cn.jincheng.brigades.proto.staffing.v1.GetRulesRequest;
import cn.jincheng.brigades.proto.staffing.v1.ImportFirefightersChunk;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersResponse;
import cn.jincheng.brigades.proto.staffing.v1.ListFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFundingResponse;
import cn.jincheng.brigades.proto.staffing.v1.PublishRulesRequest;
import cn.jincheng.brigades.proto.staffing.v1.PutFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.RecordDepartureRequest;
import cn.jincheng.brigades.proto.staffing.v1.StaffingRules;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;
import cn.jincheng.brigades.staffing.domain.compliance.CountyBudgets;
import cn.jincheng.brigades.staffing.domain.compliance.StaffingCompliance;
import cn.jincheng.brigades.staffing.domain.funding.FundingService;
import cn.jincheng.brigades.staffing.domain.roster.RosterImports;
import cn.jincheng.brigades.staffing.domain.roster.RosterService;
import cn.jincheng.brigades.staffing.domain.rules.RulesService;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** staffing.v1 over gRPC: maps each request to a domain call and its result back. */
@Service
class StaffingGrpcService extends StaffingServiceGrpc.StaffingServiceImplBase {

    private final RosterService roster;
    private final RosterImports imports;
    private final FundingService funding;
    private final CountyBudgets budgets;
    private final RulesService rules;
    private final StaffingCompliance compliance;
    private final BrigadeAuditTrail trails;
    private final TimeSource time;

    StaffingGrpcService(RosterService roster, RosterImports imports, FundingService funding, CountyBudgets budgets,
            RulesService rules, StaffingCompliance compliance, BrigadeAuditTrail trails, TimeSource time) {
        this.roster = roster;
        this.imports = imports;
        this.funding = funding;
        this.budgets = budgets;
        this.rules = rules;
        this.compliance = compliance;
        this.trails = trails;
        this.time = time;
    }

    @Override
    public void listFirefighters(ListFirefightersRequest r, StreamObserver<ListFirefightersResponse> out) {
        reply(out, RosterProtos.roster(roster.roster(caller(), r.getBrigadeId(),
                ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf"))));
    }

    @Override
    public StreamObserver<ImportFirefightersChunk> importFirefighters(StreamObserver<ImportResult> out) {
        Caller caller = caller();
        return new ImportStream<>(out, ImportFirefightersChunk::getOptions,
                chunk -> chunk.getRowsList().stream().map(RosterProtos::firefighterRow).toList(),
                (options, rows) -> ImportProtos.result(
                        imports.importFirefighters(caller, ImportProtos.options(options), rows)));
    }

    @Override
    public void addFirefighter(AddFirefighterRequest r, StreamObserver<Firefighter> out) {
        var certifications = RosterProtos.certifications(r);
        var added = roster.add(caller(), r.getBrigadeId(), r.getName(), RosterProtos.employment(r.getEmployment()),
                ProtoTime.localDate(r.getStartDate(), r.hasStartDate(), "startDate"),
                ProtoTime.localDate(r.getEndDate(), r.hasEndDate(), "endDate"), certifications);
        reply(out, RosterProtos.firefighter(added, added.activeOn(time.today())));
    }

    @Override
    public void recordDeparture(RecordDepartureRequest r, StreamObserver<Firefighter> out) {
        var left = roster.depart(caller(), r.getBrigadeId(), r.getFirefighterId(),
                ProtoTime.localDate(r.getEndDate(), r.hasEndDate(), "endDate"));
        reply(out, RosterProtos.firefighter(left, left.activeOn(time.today())));
    }

    @Override
    public void putFunding(PutFundingRequest r, StreamObserver<Funding> out) {
        reply(out, FundingProtos.funding(funding.put(caller(), r.getBrigadeId(), r.getYear(),
                FundingProtos.source(r.getSource()), r.getAmountYuan())));
    }

    @Override
    public void listFunding(ListFundingRequest r, StreamObserver<ListFundingResponse> out) {
        reply(out, ListFundingResponse.newBuilder().addAllFunding(funding.list(caller(), r.getBrigadeId()).stream()
                .map(FundingProtos::funding).toList()).build());
    }

    @Override
    public void getCountyFunding(GetCountyFundingRequest r, StreamObserver<GetCountyFundingResponse> out) {
        reply(out, FundingProtos.budget(budgets.budget(caller(), r.getCountyId(), r.getYear(),
                ComplianceProtos.standards(r.getBrigadesList()))));
    }

    @Override
    public void getRules(GetRulesRequest r, StreamObserver<StaffingRules> out) {
        reply(out, RulesProtos.rules(rules.version(r.hasVersion() ? r.getVersion() : null)));
    }

    @Override
    public void publishRules(PublishRulesRequest r, StreamObserver<StaffingRules> out) {
        reply(out, RulesProtos.rules(rules.publish(caller(), r.getBasedOnVersion(), r.getNote(), RulesProtos.rules(r))));
    }

    /** Streams each result as it is ready; stops sending (not evaluating) once the client has gone. */
    @Override
    public void evaluateCompliance(EvaluateComplianceRequest r, StreamObserver<BrigadeStaffing> out) {
        ServerCallStreamObserver<BrigadeStaffing> stream = (ServerCallStreamObserver<BrigadeStaffing>) out;
        compliance.evaluate(caller(), ComplianceProtos.standards(r.getBrigadesList()), r.getYear(),
                ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf"), result -> {
                    if (!stream.isCancelled()) {
                        stream.onNext(ComplianceProtos.staffing(result, r.getUnmetOnly()));
                    }
                });
        stream.onCompleted();
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest r, StreamObserver<ListAuditEntriesResponse> out) {
        reply(out, AuditPages.list(trails.of(caller(), r.getBrigadeId()), r));
    }

    @Override
    public void verifyAuditChain(VerifyAuditChainRequest r, StreamObserver<VerifyAuditChainResponse> out) {
        reply(out, AuditPages.verification(trails.verify(caller(), AuditPages.anchors(r))));
    }

    @Override
    public void getAuditHeads(cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsRequest r,
            StreamObserver<cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse> out) {
        reply(out, AuditPages.heads(trails.heads(caller(), AuditPages.headIds(r))));
    }

    private static Caller caller() {
        return CallerContext.current();
    }
}
