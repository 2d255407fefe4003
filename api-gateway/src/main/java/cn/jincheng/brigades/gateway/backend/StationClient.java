package cn.jincheng.brigades.gateway.backend;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.proto.station.v1.AcceptanceRow;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesResponse;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.ChangeConstructionModeRequest;
import cn.jincheng.brigades.proto.station.v1.DecideMilestoneRequest;
import cn.jincheng.brigades.proto.station.v1.GetAcceptanceReportRequest;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.GetComplianceRequest;
import cn.jincheng.brigades.proto.station.v1.GetComplianceResponse;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListRequest;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListResponse;
import cn.jincheng.brigades.proto.station.v1.Inspection;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** station-service as the gateway calls it: async stubs on the shared channel, every call guarded. */
@Component
public class StationClient {

    private final StationServiceGrpc.StationServiceFutureStub stub;
    private final StationServiceGrpc.StationServiceStub streams;
    private final BackendCalls calls;
    private final IdentityTokens identity;

    public StationClient(BackendChannels channels, BackendCalls calls, IdentityTokens identity) {
        this.stub = channels.unaryStub(Backend.STATION, StationServiceGrpc::newFutureStub);
        this.streams = StationServiceGrpc.newStub(channels.channel(Backend.STATION));
        this.calls = calls;
        this.identity = identity;
    }

    private StationServiceGrpc.StationServiceFutureStub as(Caller caller) {
        return stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    public Mono<ListCountiesResponse> listCounties(Caller caller) {
        return calls.read(Backend.STATION, () -> as(caller).listCounties(ListCountiesRequest.getDefaultInstance()));
    }

    public Mono<ListBrigadesResponse> listBrigades(Caller caller, ListBrigadesRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).listBrigades(request));
    }

    public Mono<Brigade> getBrigade(Caller caller, String id) {
        return calls.read(Backend.STATION, () -> as(caller).getBrigade(GetBrigadeRequest.newBuilder().setId(id).build()));
    }

    public Mono<BatchGetBrigadesResponse> batchGetBrigades(Caller caller, BatchGetBrigadesRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).batchGetBrigades(request));
    }

    public Mono<Brigade> updateBrigade(Caller caller, UpdateBrigadeRequest request) {
        return calls.write(Backend.STATION, () -> as(caller).updateBrigade(request));
    }

    public Mono<Brigade> changeConstructionMode(Caller caller, ChangeConstructionModeRequest request) {
        return calls.write(Backend.STATION, () -> as(caller).changeConstructionMode(request));
    }

    public Mono<ListMilestonesResponse> listMilestones(Caller caller, ListMilestonesRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).listMilestones(request));
    }

    public Mono<Milestone> submitMilestone(Caller caller, SubmitMilestoneRequest request) {
        return calls.write(Backend.STATION, () -> as(caller).submitMilestone(request));
    }

    public Mono<Milestone> decideMilestone(Caller caller, DecideMilestoneRequest request) {
        return calls.write(Backend.STATION, () -> as(caller).decideMilestone(request));
    }

    /** The brigades of a county and the standard each meets in a year (what the county budget is computed for). */
    public Mono<cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsResponse> brigadeStandards(Caller caller,
            String countyId, int year) {
        return calls.read(Backend.STATION, () -> as(caller).listBrigadeStandards(
                cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest.newBuilder().setCountyId(countyId)
                        .setYear(year).build()));
    }

    public Mono<GetSupervisionListResponse> supervision(Caller caller, GetSupervisionListRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).getSupervisionList(request));
    }

    public Mono<GetComplianceResponse> getCompliance(Caller caller, GetComplianceRequest request) {
        // composing needs the other services: a longer deadline than a plain read
        return calls.read(Backend.STATION, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis() * 3, TimeUnit.MILLISECONDS).getCompliance(request));
    }

    public Mono<Inspection> recordInspection(Caller caller, RecordInspectionRequest request) {
        // the snapshot asks the other services: a longer deadline than a plain write
        return calls.write(Backend.STATION, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis() * 3, TimeUnit.MILLISECONDS).recordInspection(request));
    }

    public Mono<ListInspectionsResponse> listInspections(Caller caller, ListInspectionsRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).listInspections(request));
    }

    /** The report, row by row; its deadline is the report's, not a single call's. */
    public Flux<AcceptanceRow> acceptanceReport(Caller caller, GetAcceptanceReportRequest request, Duration deadline) {
        return calls.stream(Backend.STATION, observer -> streams
                .withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .getAcceptanceReport(request, observer));
    }

    public Mono<ListAuditEntriesResponse> listAuditEntries(Caller caller, ListAuditEntriesRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).listAuditEntries(request));
    }

    public Mono<VerifyAuditChainResponse> verifyAuditChain(Caller caller) {
        return verifyAuditChain(caller, VerifyAuditChainRequest.getDefaultInstance());
    }

    /** The check of every chain, also against the anchors in the request. */
    public Mono<VerifyAuditChainResponse> verifyAuditChain(Caller caller, VerifyAuditChainRequest request) {
        // a walk over the whole trail: longer than a plain read
        return calls.read(Backend.STATION, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis() * 10, TimeUnit.MILLISECONDS)
                .verifyAuditChain(request));
    }

    /** Signed heads of the brigades' audit chains in this service. */
    public Mono<cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse> auditHeads(Caller caller,
            java.util.List<String> brigadeIds) {
        return calls.read(Backend.STATION, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .getAuditHeads(cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsRequest.newBuilder()
                        .addAllBrigadeIds(brigadeIds).build()));
    }

    /** The import's stub: the caller's identity and the import deadline. */
    private StationServiceGrpc.StationServiceStub streaming(Caller caller) {
        return streams.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.importDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    public Mono<cn.jincheng.brigades.proto.imports.v1.ImportResult> importBrigades(Caller caller, java.util.List<cn.jincheng.brigades.proto.station.v1.ImportBrigadesChunk> chunks) {
        return calls.upload(Backend.STATION, out -> streaming(caller).importBrigades(out), chunks);
    }

    // --- the city's acceptance per county, an ADAPTED brigade's catch-up (issue 19) ---------------

    public Mono<cn.jincheng.brigades.proto.station.v1.CountyAcceptance> getCountyAcceptance(Caller caller,
            cn.jincheng.brigades.proto.station.v1.GetCountyAcceptanceRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).getCountyAcceptance(request));
    }

    public Mono<cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesResponse> listCountyAcceptances(Caller caller,
            cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesRequest request) {
        return calls.read(Backend.STATION, () -> as(caller).listCountyAcceptances(request));
    }

    public Mono<cn.jincheng.brigades.proto.station.v1.CountyAcceptance> updateCountySummary(Caller caller,
            cn.jincheng.brigades.proto.station.v1.UpdateCountySummaryRequest request) {
        return calls.write(Backend.STATION, () -> as(caller).updateCountySummary(request));
    }

    public Mono<cn.jincheng.brigades.proto.station.v1.CountyAcceptance> recordCountyOutcome(Caller caller,
            cn.jincheng.brigades.proto.station.v1.RecordCountyOutcomeRequest request) {
        return calls.write(Backend.STATION, () -> as(caller).recordCountyOutcome(request));
    }

    public Mono<cn.jincheng.brigades.proto.station.v1.CatchUp> getCatchUp(Caller caller,
            cn.jincheng.brigades.proto.station.v1.GetCatchUpRequest request) {
        // the gaps ask the other services: a longer deadline than a plain read, like an inspection
        return calls.read(Backend.STATION, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis() * 3, TimeUnit.MILLISECONDS).getCatchUp(request));
    }
}
