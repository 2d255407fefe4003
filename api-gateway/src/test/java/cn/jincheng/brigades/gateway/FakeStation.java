package cn.jincheng.brigades.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.common.grpc.identity.CallerInterceptor;
import cn.jincheng.brigades.common.tokens.InternalTokenVerifier;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.BrigadeLevel;
import cn.jincheng.brigades.proto.station.v1.ConstructionMode;
import cn.jincheng.brigades.proto.station.v1.County;
import cn.jincheng.brigades.proto.station.v1.CountySupervision;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListRequest;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListResponse;
import cn.jincheng.brigades.proto.station.v1.MilestoneStatus;
import cn.jincheng.brigades.proto.station.v1.OverdueMilestone;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.Housing;
import cn.jincheng.brigades.proto.station.v1.ListCountiesRequest;
import cn.jincheng.brigades.proto.station.v1.ListCountiesResponse;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import cn.jincheng.brigades.proto.station.v1.UpdateBrigadeRequest;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;

/**
 * A station-service stand-in on a real gRPC server: it verifies the identity the gateway sends
 * (with the real interceptor), records what it was asked, and fails or stalls on demand.
 */
final class FakeStation extends StationServiceGrpc.StationServiceImplBase {

    final AtomicReference<StatusRuntimeException> failure = new AtomicReference<>();
    final AtomicReference<Caller> lastCaller = new AtomicReference<>();
    final AtomicReference<UpdateBrigadeRequest> lastUpdate = new AtomicReference<>();
    final AtomicReference<GetSupervisionListRequest> lastSupervision = new AtomicReference<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicReference<cn.jincheng.brigades.proto.station.v1.UpdateCountySummaryRequest> lastSummary = new AtomicReference<>();
    final AtomicReference<cn.jincheng.brigades.proto.station.v1.RecordCountyOutcomeRequest> lastOutcome = new AtomicReference<>();
    volatile long delayMillis;

    private final int port;
    private final InternalTokenVerifier verifier;
    private Server server;

    FakeStation(int port, InternalTokenVerifier verifier) {
        this.port = port;
        this.verifier = verifier;
    }

    void start() {
        try {
            server = NettyServerBuilder.forPort(port)
                    .addService(ServerInterceptors.intercept(this, new CallerInterceptor(verifier)))
                    .build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    void reset() {
        failure.set(null);
        lastCaller.set(null);
        lastUpdate.set(null);
        lastSummary.set(null);
        lastOutcome.set(null);
        lastSupervision.set(null);
        calls.set(0);
        delayMillis = 0;
    }

    static Brigade brigade(String id, long version, double floorArea) {
        return Brigade.newBuilder().setId(id).setCountyId("zezhou").setCountyName("泽州县").setTown("高都镇")
                .setLevel(BrigadeLevel.BRIGADE_LEVEL_LEVEL_ONE)
                .setConstructionMode(ConstructionMode.CONSTRUCTION_MODE_SELF_BUILT)
                .setHousing(Housing.newBuilder().setFloorAreaM2(floorArea)).setVersion(version)
                .setPlanId("jincheng-2019")
                // the plan has 三甲镇's town government pay its firefighters; the others send no payer (the default)
                .setFundingPayer(id.equals("gaoping-sanjia") ? "TOWNSHIP" : "").build();
    }

    /** Records the call and its verified caller; false when the call was answered with a failure. */
    private boolean enter(StreamObserver<?> out) {
        calls.incrementAndGet();
        lastCaller.set(CallerContext.current());
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        StatusRuntimeException f = failure.get();
        if (f != null) {
            out.onError(f);
            return false;
        }
        return true;
    }

    @Override
    public void getBrigade(GetBrigadeRequest request, StreamObserver<Brigade> out) {
        if (enter(out)) {
            out.onNext(brigade(request.getId(), 7, 0));
            out.onCompleted();
        }
    }

    @Override
    public void updateBrigade(UpdateBrigadeRequest request, StreamObserver<Brigade> out) {
        lastUpdate.set(request);
        if (enter(out)) {
            out.onNext(brigade(request.getId(), request.getExpectedVersion() + 1,
                    request.getHousing().getFloorAreaM2()));
            out.onCompleted();
        }
    }

    @Override
    public void listCounties(ListCountiesRequest request, StreamObserver<ListCountiesResponse> out) {
        if (enter(out)) {
            Caller caller = CallerContext.current();
            ListCountiesResponse.Builder counties = ListCountiesResponse.newBuilder();
            for (County county : java.util.List.of(
                    County.newBuilder().setId("zezhou").setName("泽州县").setKind("county").setBrigadeCount(6).build(),
                    County.newBuilder().setId("yangcheng").setName("阳城县").setKind("county").setBrigadeCount(6).build())) {
                if (caller.sees(county.getId())) {
                    counties.addCounties(county);
                }
            }
            out.onNext(counties.build());
            out.onCompleted();
        }
    }

    // --- the city's acceptance per county (issue 19) --------------------------------------------

    static cn.jincheng.brigades.proto.station.v1.CountyAcceptance countyAcceptance(String county, long version) {
        return cn.jincheng.brigades.proto.station.v1.CountyAcceptance.newBuilder().setYear(2019).setCountyId(county)
                .setCountyName("泽州县").setBrigades(cn.jincheng.brigades.proto.station.v1.CountyBrigadeResults.newBuilder()
                        .setTotal(6).setAccepted(4).setFailed(1).setNotInspected(1))
                .setOutcome(cn.jincheng.brigades.proto.station.v1.CityOutcome.CITY_OUTCOME_RETURNED_FOR_REWORK)
                .setOutcomeNote("高都镇营房未竣工").setAssessmentYear(2019).setAssessmentScore(88)
                .setAssessmentGrade(cn.jincheng.brigades.proto.station.v1.AssessmentGrade.ASSESSMENT_GRADE_GOOD)
                .setVersion(version).build();
    }

    @Override
    public void getCountyAcceptance(cn.jincheng.brigades.proto.station.v1.GetCountyAcceptanceRequest request,
            StreamObserver<cn.jincheng.brigades.proto.station.v1.CountyAcceptance> out) {
        if (enter(out)) {
            out.onNext(countyAcceptance(request.getCountyId(), 3));
            out.onCompleted();
        }
    }

    @Override
    public void listCountyAcceptances(cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesRequest request,
            StreamObserver<cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesResponse> out) {
        if (enter(out)) {
            out.onNext(cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesResponse.newBuilder()
                    .addCounties(countyAcceptance("zezhou", 3)).build());
            out.onCompleted();
        }
    }

    @Override
    public void updateCountySummary(cn.jincheng.brigades.proto.station.v1.UpdateCountySummaryRequest request,
            StreamObserver<cn.jincheng.brigades.proto.station.v1.CountyAcceptance> out) {
        lastSummary.set(request);
        if (enter(out)) {
            out.onNext(countyAcceptance(request.getCountyId(), request.getExpectedVersion() + 1).toBuilder()
                    .setSummary(request.getSummary()).setLongTermMechanism(request.getLongTermMechanism()).build());
            out.onCompleted();
        }
    }

    @Override
    public void recordCountyOutcome(cn.jincheng.brigades.proto.station.v1.RecordCountyOutcomeRequest request,
            StreamObserver<cn.jincheng.brigades.proto.station.v1.CountyAcceptance> out) {
        lastOutcome.set(request);
        if (enter(out)) {
            out.onNext(countyAcceptance(request.getCountyId(), request.getExpectedVersion() + 1).toBuilder()
                    .setOutcome(request.getOutcome()).setOutcomeNote(request.getNote()).build());
            out.onCompleted();
        }
    }

    @Override
    public void getAcceptanceReport(cn.jincheng.brigades.proto.station.v1.GetAcceptanceReportRequest request,
            StreamObserver<cn.jincheng.brigades.proto.station.v1.AcceptanceRow> out) {
        if (enter(out)) {
            out.onNext(cn.jincheng.brigades.proto.station.v1.AcceptanceRow.newBuilder().setBrigadeId("zezhou-gaodu")
                    .setCountyId("zezhou").setCountyName("泽州县").setTown("高都镇")
                    .setLevel(BrigadeLevel.BRIGADE_LEVEL_LEVEL_ONE)
                    .setConstructionMode(ConstructionMode.CONSTRUCTION_MODE_SELF_BUILT).setCompliant(true)
                    .setOutcome(cn.jincheng.brigades.proto.station.v1.Outcome.OUTCOME_ACCEPTED).build());
            out.onCompleted();
        }
    }

    /**
     * Two counties' overdue milestones, scoped as station-service scopes them: a county clerk sees
     * only their own county and is refused another; a county asked for narrows the list.
     */
    @Override
    public void getSupervisionList(GetSupervisionListRequest request, StreamObserver<GetSupervisionListResponse> out) {
        lastSupervision.set(request);
        if (!enter(out)) {
            return;
        }
        Caller caller = CallerContext.current();
        String asked = request.getCountyId();
        if (!asked.isEmpty() && !caller.sees(asked)) {
            out.onError(Status.PERMISSION_DENIED.withDescription("county " + asked + " is not yours").asRuntimeException());
            return;
        }
        String scope = caller.isCountyClerk() ? caller.county() : asked;
        GetSupervisionListResponse.Builder response = GetSupervisionListResponse.newBuilder()
                .setAsOf(request.hasAsOf() ? request.getAsOf()
                        : com.google.type.Date.newBuilder().setYear(2019).setMonth(11).setDay(16).build());
        for (CountySupervision county : SUPERVISION) {
            if (scope.isEmpty() || scope.equals(county.getCountyId())) {
                response.addCounties(county);
            }
        }
        out.onNext(response.build());
        out.onCompleted();
    }

    static final java.util.List<CountySupervision> SUPERVISION = java.util.List.of(
            CountySupervision.newBuilder().setCountyId("zezhou").setCountyName("泽州县")
                    .addMilestones(overdue("zezhou-gaodu", "高都镇", "construction-complete",
                            "全面建设：营房、车辆、人员、经费到位 (housing, vehicles, staff and funding in place)", 10, 31, 16,
                            MilestoneStatus.MILESTONE_STATUS_PENDING))
                    .addMilestones(overdue("zezhou-nancun", "=HYPERLINK(\"x\")", "construction-complete",
                            "全面建设：营房、车辆、人员、经费到位 (housing, vehicles, staff and funding in place)", 10, 31, 16,
                            MilestoneStatus.MILESTONE_STATUS_REJECTED))
                    .build(),
            CountySupervision.newBuilder().setCountyId("yangcheng").setCountyName("阳城县")
                    .addMilestones(overdue("yangcheng-runcheng", "润城镇", "mobilisation",
                            "部署发动：县级实施方案已分解任务 (tasks assigned in the county's implementation plan)", 6, 25, 144,
                            MilestoneStatus.MILESTONE_STATUS_SUBMITTED))
                    .build());

    private static OverdueMilestone overdue(String brigadeId, String town, String milestoneId, String name, int month,
            int day, int daysOverdue, MilestoneStatus status) {
        return OverdueMilestone.newBuilder().setBrigadeId(brigadeId).setTown(town).setMilestoneId(milestoneId)
                .setName(name).setDueDate(com.google.type.Date.newBuilder().setYear(2019).setMonth(month).setDay(day))
                .setStatus(status).setDaysOverdue(daysOverdue).build();
    }
}
