package cn.jincheng.brigades.staffing.grpc;

import static cn.jincheng.brigades.common.grpc.Replies.reply;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.grpc.AuditPages;
import cn.jincheng.brigades.common.persistence.audit.AuditTrail;
import cn.jincheng.brigades.common.grpc.client.BrigadeDirectory;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.proto.staffing.v1.AddFirefighterRequest;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeFunding;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.proto.staffing.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.staffing.v1.Firefighter;
import cn.jincheng.brigades.proto.staffing.v1.Funding;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingResponse;
import cn.jincheng.brigades.proto.staffing.v1.GetRulesRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersResponse;
import cn.jincheng.brigades.proto.staffing.v1.ListFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFundingResponse;
import cn.jincheng.brigades.proto.staffing.v1.PublishRulesRequest;
import cn.jincheng.brigades.proto.staffing.v1.PutFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.RecordDepartureRequest;
import cn.jincheng.brigades.proto.staffing.v1.StaffingRules;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;
import cn.jincheng.brigades.staffing.compliance.StaffingCompliance;
import cn.jincheng.brigades.staffing.funding.FundingService;
import cn.jincheng.brigades.staffing.roster.Certification;
import cn.jincheng.brigades.staffing.roster.RosterService;
import cn.jincheng.brigades.staffing.rules.RulesService;
import cn.jincheng.brigades.staffing.rules.StaffingRule;
import cn.jincheng.brigades.common.grpc.ImportStream;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.proto.staffing.v1.ImportFirefightersChunk;
import cn.jincheng.brigades.staffing.roster.RosterImports;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** staffing.v1 over gRPC: maps messages and delegates. */
@Service
class StaffingGrpcService extends StaffingServiceGrpc.StaffingServiceImplBase {

    private final RosterService roster;
    private final FundingService funding;
    private final RulesService rules;
    private final StaffingCompliance compliance;
    private final TimeSource time;

    private final AuditTrail auditTrail;
    private final BrigadeDirectory directory;

    private final RosterImports imports;

    StaffingGrpcService(RosterService roster, FundingService funding, RulesService rules, StaffingCompliance compliance,
            TimeSource time, AuditTrail auditTrail, BrigadeDirectory directory, RosterImports imports) {
        this.imports = imports;
        this.directory = directory;
        this.auditTrail = auditTrail;
        this.roster = roster;
        this.funding = funding;
        this.rules = rules;
        this.compliance = compliance;
        this.time = time;
    }

    @Override
    public void listFirefighters(ListFirefightersRequest r, StreamObserver<ListFirefightersResponse> out) {
        LocalDate asOf = ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf");
        LocalDate day = asOf != null ? asOf : time.today();
        var list = roster.roster(caller(), r.getBrigadeId());
        reply(out, ListFirefightersResponse.newBuilder()
                .addAllFirefighters(list.stream().map(f -> StaffingProtoMapper.firefighter(f, day)).toList())
                .setActiveCount((int) list.stream().filter(f -> f.activeOn(day)).count()).build());
    }

    @Override
    public StreamObserver<ImportFirefightersChunk> importFirefighters(StreamObserver<ImportResult> out) {
        Caller caller = caller();
        return new ImportStream<>(out, ImportFirefightersChunk::getOptions,
                chunk -> chunk.getRowsList().stream().map(StaffingProtoMapper::firefighterRow).toList(),
                (options, rows) -> imports.importFirefighters(caller, options, rows));
    }

    @Override
    public void addFirefighter(AddFirefighterRequest r, StreamObserver<Firefighter> out) {
        List<Certification> certifications = new ArrayList<>();
        for (int i = 0; i < r.getCertificationsCount(); i++) {
            var c = r.getCertifications(i);
            certifications.add(new Certification(c.getName(), ProtoTime.localDate(c.getExpiresOn(),
                    c.hasExpiresOn(), "certifications[" + i + "].expiresOn")));
        }
        var added = roster.add(caller(), r.getBrigadeId(), r.getName(), StaffingProtoMapper.employment(r.getEmployment()),
                ProtoTime.localDate(r.getStartDate(), r.hasStartDate(), "startDate"),
                ProtoTime.localDate(r.getEndDate(), r.hasEndDate(), "endDate"), certifications);
        reply(out, StaffingProtoMapper.firefighter(added, time.today()));
    }

    @Override
    public void recordDeparture(RecordDepartureRequest r, StreamObserver<Firefighter> out) {
        var left = roster.depart(caller(), r.getBrigadeId(), r.getFirefighterId(),
                ProtoTime.localDate(r.getEndDate(), r.hasEndDate(), "endDate"));
        reply(out, StaffingProtoMapper.firefighter(left, time.today()));
    }

    @Override
    public void putFunding(PutFundingRequest r, StreamObserver<Funding> out) {
        reply(out, StaffingProtoMapper.funding(funding.put(caller(), r.getBrigadeId(), r.getYear(),
                StaffingProtoMapper.source(r.getSource()), r.getAmountYuan())));
    }

    @Override
    public void listFunding(ListFundingRequest r, StreamObserver<ListFundingResponse> out) {
        reply(out, ListFundingResponse.newBuilder().addAllFunding(funding.list(caller(), r.getBrigadeId()).stream()
                .map(StaffingProtoMapper::funding).toList()).build());
    }

    @Override
    public void getCountyFunding(GetCountyFundingRequest r, StreamObserver<GetCountyFundingResponse> out) {
        var lines = compliance.countyBudget(caller(), r.getCountyId(), r.getYear());
        var response = GetCountyFundingResponse.newBuilder().setCountyId(r.getCountyId()).setYear(r.getYear())
                .setRules(compliance.rulesInForce().reference());
        long allocated = 0;
        long required = 0;
        long shortfall = 0;
        for (var line : lines) {
            response.addBrigades(BrigadeFunding.newBuilder().setBrigadeId(line.brigadeId()).setTier(line.tier())
                    .setHeadcount(line.result().headcount()).setRequiredHeadcount(line.result().requiredHeadcount())
                    .setAllocatedYuan(line.result().countyFinanceYuan()).setRequiredYuan(line.result().requiredYuan())
                    .setShortfallYuan(line.shortfallYuan()).setOtherSourcesYuan(line.otherSourcesYuan()));
            allocated += line.result().countyFinanceYuan();
            required += line.result().requiredYuan();
            shortfall += line.shortfallYuan();
        }
        reply(out, response.setAllocatedYuan(allocated).setRequiredYuan(required).setShortfallYuan(shortfall).build());
    }

    @Override
    public void getRules(GetRulesRequest r, StreamObserver<StaffingRules> out) {
        reply(out, StaffingProtoMapper.rules(rules.version(r.hasVersion() ? r.getVersion() : null)));
    }

    @Override
    public void publishRules(PublishRulesRequest r, StreamObserver<StaffingRules> out) {
        List<StaffingRule> list = new ArrayList<>();
        for (int i = 0; i < r.getRulesCount(); i++) {
            list.add(StaffingProtoMapper.rule(r.getRules(i), "rules[" + i + "]"));
        }
        reply(out, StaffingProtoMapper.rules(rules.publish(caller(), r.getBasedOnVersion(), r.getNote(), list)));
    }

    @Override
    public void evaluateCompliance(EvaluateComplianceRequest r, StreamObserver<BrigadeStaffing> out) {
        List<StaffingCompliance.Ref> refs = r.getBrigadesList().stream().map(b -> new StaffingCompliance.Ref(
                b.getBrigadeId(), b.getLevel(), b.getTier().isEmpty() ? null : b.getTier())).toList();
        ServerCallStreamObserver<BrigadeStaffing> stream = (ServerCallStreamObserver<BrigadeStaffing>) out;
        compliance.evaluate(caller(), refs, r.getYear(), ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf"),
                result -> {
                    if (!stream.isCancelled()) {
                        stream.onNext(StaffingProtoMapper.staffing(result));
                    }
                });
        stream.onCompleted();
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest r, StreamObserver<ListAuditEntriesResponse> out) {
        directory.countyOf(caller(), r.getBrigadeId()); // 404 unknown, 403 another county
        reply(out, AuditPages.list(auditTrail, r));
    }

    @Override
    public void verifyAuditChain(VerifyAuditChainRequest r, StreamObserver<VerifyAuditChainResponse> out) {
        reply(out, AuditPages.verify(auditTrail, caller()));
    }

    private static Caller caller() {
        return CallerContext.current();
    }
}
