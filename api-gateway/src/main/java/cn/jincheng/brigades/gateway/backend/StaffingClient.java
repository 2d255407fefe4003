package cn.jincheng.brigades.gateway.backend;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.proto.staffing.v1.AddFirefighterRequest;
import cn.jincheng.brigades.proto.staffing.v1.Firefighter;
import cn.jincheng.brigades.proto.staffing.v1.Funding;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingResponse;
import cn.jincheng.brigades.proto.staffing.v1.GetRulesRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersResponse;
import cn.jincheng.brigades.proto.staffing.v1.ListFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.ListFundingResponse;
import cn.jincheng.brigades.proto.staffing.v1.PutFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.RecordDepartureRequest;
import cn.jincheng.brigades.proto.staffing.v1.StaffingRules;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;
import reactor.core.publisher.Mono;

/** staffing-service as the gateway calls it: async stubs on the shared channel, every call guarded. */
@Component
public class StaffingClient {

    private final StaffingServiceGrpc.StaffingServiceFutureStub stub;
    private final StaffingServiceGrpc.StaffingServiceStub streams;
    private final BackendCalls calls;
    private final IdentityTokens identity;

    public StaffingClient(BackendChannels channels, BackendCalls calls, IdentityTokens identity) {
        this.stub = channels.unaryStub(Backend.STAFFING, StaffingServiceGrpc::newFutureStub);
        this.streams = StaffingServiceGrpc.newStub(channels.channel(Backend.STAFFING));
        this.calls = calls;
        this.identity = identity;
    }

    private StaffingServiceGrpc.StaffingServiceFutureStub as(Caller caller) {
        return stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    public Mono<ListFirefightersResponse> firefighters(Caller caller, ListFirefightersRequest request) {
        return calls.read(Backend.STAFFING, () -> as(caller).listFirefighters(request));
    }

    public Mono<Firefighter> addFirefighter(Caller caller, AddFirefighterRequest request) {
        return calls.write(Backend.STAFFING, () -> as(caller).addFirefighter(request));
    }

    public Mono<Firefighter> recordDeparture(Caller caller, RecordDepartureRequest request) {
        return calls.write(Backend.STAFFING, () -> as(caller).recordDeparture(request));
    }

    /** Idempotent (it sets a value), so retried like a read. */
    public Mono<Funding> putFunding(Caller caller, PutFundingRequest request) {
        return calls.read(Backend.STAFFING, () -> as(caller).putFunding(request));
    }

    public Mono<ListFundingResponse> funding(Caller caller, String brigadeId) {
        return calls.read(Backend.STAFFING,
                () -> as(caller).listFunding(ListFundingRequest.newBuilder().setBrigadeId(brigadeId).build()));
    }

    public Mono<GetCountyFundingResponse> countyFunding(Caller caller, GetCountyFundingRequest request) {
        return calls.read(Backend.STAFFING, () -> as(caller).getCountyFunding(request));
    }

    public Mono<StaffingRules> rules(Caller caller, GetRulesRequest request) {
        return calls.read(Backend.STAFFING, () -> as(caller).getRules(request));
    }

    public Mono<ListAuditEntriesResponse> listAuditEntries(Caller caller, ListAuditEntriesRequest request) {
        return calls.read(Backend.STAFFING, () -> as(caller).listAuditEntries(request));
    }

    public Mono<VerifyAuditChainResponse> verifyAuditChain(Caller caller) {
        return verifyAuditChain(caller, VerifyAuditChainRequest.getDefaultInstance());
    }

    /** The check of every chain, also against the anchors in the request. */
    public Mono<VerifyAuditChainResponse> verifyAuditChain(Caller caller, VerifyAuditChainRequest request) {
        // a walk over the whole trail: longer than a plain read
        return calls.read(Backend.STAFFING, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis() * 10, TimeUnit.MILLISECONDS)
                .verifyAuditChain(request));
    }

    /** Signed heads of the brigades' audit chains in this service. */
    public Mono<cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse> auditHeads(Caller caller,
            java.util.List<String> brigadeIds) {
        return calls.read(Backend.STAFFING, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .getAuditHeads(cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsRequest.newBuilder()
                        .addAllBrigadeIds(brigadeIds).build()));
    }

    public Mono<StaffingRules> publishRules(Caller caller, cn.jincheng.brigades.proto.staffing.v1.PublishRulesRequest request) {
        return calls.write(Backend.STAFFING, () -> as(caller).publishRules(request));
    }

    /** The import's stub: the caller's identity and the import deadline. */
    private StaffingServiceGrpc.StaffingServiceStub streaming(Caller caller) {
        return streams.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.importDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    public Mono<cn.jincheng.brigades.proto.imports.v1.ImportResult> importFirefighters(Caller caller, java.util.List<cn.jincheng.brigades.proto.staffing.v1.ImportFirefightersChunk> chunks) {
        return calls.upload(Backend.STAFFING, out -> streaming(caller).importFirefighters(out), chunks);
    }
}
