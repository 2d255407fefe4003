package cn.jincheng.brigades.station.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.google.type.Date;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.grpc.identity.BearerCallCredentials;
import cn.jincheng.brigades.common.testing.TestTime;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.proto.audit.v1.AuditEntry;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.BrigadeLevel;
import cn.jincheng.brigades.proto.station.v1.ChangeConstructionModeRequest;
import cn.jincheng.brigades.proto.station.v1.ConstructionMode;
import cn.jincheng.brigades.proto.station.v1.County;
import cn.jincheng.brigades.proto.station.v1.CountySupervision;
import cn.jincheng.brigades.proto.station.v1.DecideMilestoneRequest;
import cn.jincheng.brigades.proto.station.v1.Decision;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.GetSupervisionListRequest;
import cn.jincheng.brigades.proto.station.v1.HousingPatch;
import cn.jincheng.brigades.proto.station.v1.ListBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.ListBrigadesResponse;
import cn.jincheng.brigades.proto.station.v1.ListCountiesRequest;
import cn.jincheng.brigades.proto.station.v1.ListMilestonesRequest;
import cn.jincheng.brigades.proto.station.v1.Milestone;
import cn.jincheng.brigades.proto.station.v1.MilestoneStatus;
import cn.jincheng.brigades.proto.station.v1.Room;
import cn.jincheng.brigades.proto.station.v1.RoomList;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import cn.jincheng.brigades.proto.station.v1.SubmitMilestoneRequest;
import cn.jincheng.brigades.proto.station.v1.UpdateBrigadeRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

@SpringBootTest
@Import(TestTime.FixedClock.class)
class StationGrpcServiceTest extends StationGrpcTestSupport {

    @Autowired
    MongoDatabase database;
    @Autowired
    cn.jincheng.brigades.station.persistence.SeedAccess seed;

    private static Status.Code code(Runnable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    private static Brigade get(String id) {
        return as(ADMIN).getBrigade(GetBrigadeRequest.newBuilder().setId(id).build());
    }

    private static Date date(int y, int m, int d) {
        return ProtoTime.date(java.time.LocalDate.of(y, m, d));
    }

    // --- seed ---------------------------------------------------------------------------------

    @Test
    void the23BrigadesOfThePlanAreSeededExactly() {
        List<Brigade> all = as(ADMIN).listBrigades(ListBrigadesRequest.getDefaultInstance()).getBrigadesList();
        assertThat(all).hasSize(23);
        assertThat(all.stream().collect(Collectors.groupingBy(Brigade::getLevel, Collectors.counting())))
                .containsEntry(BrigadeLevel.BRIGADE_LEVEL_LEVEL_ONE, 9L).containsEntry(BrigadeLevel.BRIGADE_LEVEL_LEVEL_TWO, 14L);
        assertThat(all.stream().collect(Collectors.groupingBy(Brigade::getConstructionMode, Collectors.counting())))
                .containsEntry(ConstructionMode.CONSTRUCTION_MODE_SELF_BUILT, 7L)
                .containsEntry(ConstructionMode.CONSTRUCTION_MODE_JOINT_ENTERPRISE, 8L)
                .containsEntry(ConstructionMode.CONSTRUCTION_MODE_ADAPTED, 3L)
                .containsEntry(ConstructionMode.CONSTRUCTION_MODE_DEFERRED, 2L)
                .containsEntry(ConstructionMode.CONSTRUCTION_MODE_EXISTING, 3L);
        Brigade ciying = get("yangcheng-ciying");
        assertThat(ciying.getTown()).isEqualTo("次营镇");
        assertThat(ciying.getCountyName()).isEqualTo("阳城县");
        assertThat(ciying.getConstructionMode()).isEqualTo(ConstructionMode.CONSTRUCTION_MODE_DEFERRED);
        assertThat(ciying.getPartner()).contains("煤企");
        assertThat(get("zezhou-gaodu").getSituation()).contains("有队员和部分器材但无营房");
    }

    @Test
    void countiesComeInThePlansOrderWithTheirBrigadeCounts() {
        List<County> counties = as(ADMIN).listCounties(ListCountiesRequest.getDefaultInstance()).getCountiesList();
        assertThat(counties).extracting(County::getId)
                .containsExactly("chengqu", "zezhou", "gaoping", "yangcheng", "lingchuan", "qinshui");
        assertThat(counties).extracting(County::getBrigadeCount).containsExactly(1, 6, 4, 6, 2, 4);
        assertThat(counties.get(1).getName()).isEqualTo("泽州县");
    }

    @Test
    void seedingAgainNeverOverwritesWhatUsersChanged() {
        Brigade before = get("qinshui-zhongcun");
        as(ADMIN).updateBrigade(UpdateBrigadeRequest.newBuilder().setId(before.getId())
                .setExpectedVersion(before.getVersion()).setNotes("changed by a user").build());
        seed.seedAgain();
        Brigade after = get("qinshui-zhongcun");
        assertThat(after.getNotes()).isEqualTo("changed by a user");
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(as(ADMIN).listBrigades(ListBrigadesRequest.getDefaultInstance()).getBrigadesCount()).isEqualTo(23);
    }

    @Test
    void eachBrigadeCarriesWhoPaysItsFirefightersByThePlanAndOldDocumentsGetIt() {
        assertThat(get("gaoping-sanjia").getFundingPayer()).isEqualTo("TOWNSHIP"); // 经费由镇政府承担
        assertThat(as(ADMIN).listBrigades(ListBrigadesRequest.getDefaultInstance()).getBrigadesList())
                .filteredOn(b -> !b.getId().equals("gaoping-sanjia"))
                .hasSize(22).allMatch(b -> b.getFundingPayer().equals("COUNTY_FINANCE"));
        assertThat(as(ADMIN).listBrigadeStandards(cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest
                .newBuilder().setCountyId("gaoping").setYear(2019).build()).getBrigadesList())
                .filteredOn(b -> b.getBrigadeId().equals("gaoping-sanjia")).singleElement()
                .satisfies(b -> assertThat(b.getFundingPayer()).isEqualTo("TOWNSHIP"));

        // documents stored before brigades carried their payer: county finance on read, the seed's on the next start
        for (String id : List.of("gaoping-sanjia", "gaoping-mishan")) {
            database.getCollection("brigades").updateOne(new org.bson.Document("_id", id),
                    com.mongodb.client.model.Updates.unset("fundingPayer"));
        }
        Brigade old = get("gaoping-sanjia");
        assertThat(old.getFundingPayer()).isEqualTo("COUNTY_FINANCE");
        seed.seedAgain();
        Brigade filled = get("gaoping-sanjia");
        assertThat(filled.getFundingPayer()).isEqualTo("TOWNSHIP");
        assertThat(filled.getVersion()).isEqualTo(old.getVersion());
        assertThat(get("gaoping-mishan").getFundingPayer()).isEqualTo("COUNTY_FINANCE");
    }

    // --- identity and scope -------------------------------------------------------------------

    @Test
    void aCallWithoutAVerifiableIdentityIsRefused() throws Exception {
        assertThat(code(() -> anonymous().listCounties(ListCountiesRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        InternalTokenIssuer forger = new InternalTokenIssuer(new ECKeyGenerator(Curve.P_256).keyID("forged").generate(),
                Duration.ofMinutes(1), TestTime.clock());
        StationServiceGrpc.StationServiceBlockingStub forged = StationServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new BearerCallCredentials(forger.issue(ADMIN)));
        assertThat(code(() -> forged.listCounties(ListCountiesRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        InternalTokenIssuer expired = new InternalTokenIssuer(
                cn.jincheng.brigades.common.tokens.IdentityKeyStore.loadOrCreate(
                        DATA_DIR.resolve("keys/internal-identity.jwk")),
                Duration.ofMinutes(-5), TestTime.clock());
        StationServiceGrpc.StationServiceBlockingStub stale = StationServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new BearerCallCredentials(expired.issue(ADMIN)));
        assertThat(code(() -> stale.listCounties(ListCountiesRequest.getDefaultInstance())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void healthIsOpenToProbes() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void aCountyClerkSeesOnlyTheirOwnCounty() {
        ListBrigadesResponse own = as(ZEZHOU_CLERK).listBrigades(ListBrigadesRequest.getDefaultInstance());
        assertThat(own.getBrigadesList()).hasSize(6).allMatch(b -> b.getCountyId().equals("zezhou"));
        assertThat(as(ZEZHOU_CLERK).listBrigades(ListBrigadesRequest.newBuilder().setCountyId("gaoping").build())
                .getBrigadesList()).isEmpty();
        assertThat(code(() -> as(ZEZHOU_CLERK).getBrigade(GetBrigadeRequest.newBuilder().setId("gaoping-macun").build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(as(ZEZHOU_CLERK).listCounties(ListCountiesRequest.getDefaultInstance()).getCountiesList())
                .extracting(County::getId).containsExactly("zezhou");
    }

    @Test
    void listsFilterAndPage() {
        ListBrigadesResponse first = as(ADMIN).listBrigades(ListBrigadesRequest.newBuilder()
                .setLevel(BrigadeLevel.BRIGADE_LEVEL_LEVEL_ONE).setPageSize(5).build());
        assertThat(first.getBrigadesList()).hasSize(5);
        assertThat(first.getNextPageToken()).isNotEmpty();
        ListBrigadesResponse second = as(ADMIN).listBrigades(ListBrigadesRequest.newBuilder()
                .setLevel(BrigadeLevel.BRIGADE_LEVEL_LEVEL_ONE).setPageSize(5).setPageToken(first.getNextPageToken()).build());
        assertThat(second.getBrigadesList()).hasSize(4);
        assertThat(second.getNextPageToken()).isEmpty();
        assertThat(as(ADMIN).listBrigades(ListBrigadesRequest.newBuilder()
                .setConstructionMode(ConstructionMode.CONSTRUCTION_MODE_EXISTING).build()).getBrigadesList())
                .extracting(Brigade::getId).containsExactly("qinshui-duanshi", "yangcheng-beiliu", "zezhou-bagong");
        assertThat(code(() -> as(ADMIN).listBrigades(ListBrigadesRequest.newBuilder().setPageToken("%%%").build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    // --- housing under optimistic concurrency -------------------------------------------------

    @Test
    void anUpdateWithTheCurrentVersionAppliesAndIsAudited() {
        Brigade before = get("zezhou-nancun");
        Brigade after = as(ZEZHOU_CLERK).updateBrigade(UpdateBrigadeRequest.newBuilder().setId("zezhou-nancun")
                .setExpectedVersion(before.getVersion())
                .setHousing(HousingPatch.newBuilder().setFloorAreaM2(612.5).setGarageBays(3)
                        .setRooms(RoomList.newBuilder().addRooms(Room.ROOM_COMMS_DUTY_ROOM).addRooms(Room.ROOM_STANDBY_ROOM)))
                .build());
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(after.getHousing().getFloorAreaM2()).isEqualTo(612.5);
        assertThat(after.getHousing().getGarageBays()).isEqualTo(3);
        assertThat(after.getHousing().getRoomsList()).containsExactly(Room.ROOM_COMMS_DUTY_ROOM, Room.ROOM_STANDBY_ROOM);

        List<AuditEntry> audit = as(ADMIN).listAuditEntries(ListAuditEntriesRequest.newBuilder()
                .setBrigadeId("zezhou-nancun").build()).getEntriesList();
        assertThat(audit).isNotEmpty();
        AuditEntry newest = audit.get(0);
        assertThat(newest.getActor()).isEqualTo("clerk-zezhou");
        assertThat(newest.getRole()).isEqualTo("COUNTY_CLERK");
        assertThat(newest.getAction()).isEqualTo("brigade.update");
        assertThat(newest.getBeforeJson()).contains("\"floorAreaM2\": 0.0");
        assertThat(newest.getAfterJson()).contains("\"floorAreaM2\": 612.5");
        assertThat(newest.getRequestJson()).contains("612.5");
        assertThat(database.getCollection("brigades").find(new org.bson.Document("_id", "zezhou-nancun")).first()
                .getList("outbox", Object.class)).isEmpty();
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentOneAndChangesNothing() {
        Brigade before = get("zezhou-zhoucun");
        as(ADMIN).updateBrigade(UpdateBrigadeRequest.newBuilder().setId(before.getId())
                .setExpectedVersion(before.getVersion()).setNotes("first").build());
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> as(ADMIN)
                .updateBrigade(UpdateBrigadeRequest.newBuilder().setId(before.getId())
                        .setExpectedVersion(before.getVersion()).setNotes("second").build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("currentVersion", Long.toString(before.getVersion() + 1));
        assertThat(get(before.getId()).getNotes()).isEqualTo("first");
    }

    @Test
    void badHousingIsRefusedFieldByFieldAndChangesNothing() {
        Brigade before = get("zezhou-dayang");
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> as(ADMIN)
                .updateBrigade(UpdateBrigadeRequest.newBuilder().setId(before.getId())
                        .setExpectedVersion(before.getVersion())
                        .setHousing(HousingPatch.newBuilder().setFloorAreaM2(-5).setSiteAreaM2(200_000).setGarageBays(-1))
                        .build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(e).getFieldViolationsList()).extracting(v -> v.getField())
                .containsExactlyInAnyOrder("housing.floorAreaM2", "housing.siteAreaM2", "housing.garageBays");
        assertThat(get(before.getId())).isEqualTo(before);
    }

    @Test
    void clerksEditOnlyTheirCountyAndOtherRolesNotAtAll() {
        Brigade gaoping = get("gaoping-mishan");
        UpdateBrigadeRequest request = UpdateBrigadeRequest.newBuilder().setId(gaoping.getId())
                .setExpectedVersion(gaoping.getVersion()).setNotes("x").build();
        assertThat(code(() -> as(ZEZHOU_CLERK).updateBrigade(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(INSPECTOR).updateBrigade(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(FIRE_DEPT).updateBrigade(request))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(ADMIN).updateBrigade(request.toBuilder().setId("no-such-brigade").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(as(GAOPING_CLERK).updateBrigade(request).getNotes()).isEqualTo("x");
    }

    @Test
    void concurrentUpdatesWithTheSameVersionLetExactlyOneWin() throws Exception {
        Brigade before = get("gaoping-sanjia");
        int writers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String notes = "writer " + i;
                calls.add(() -> {
                    try {
                        as(ADMIN).updateBrigade(UpdateBrigadeRequest.newBuilder().setId(before.getId())
                                .setExpectedVersion(before.getVersion()).setNotes(notes).build());
                        return notes;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode().name();
                    }
                });
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            List<String> winners = outcomes.stream().filter(o -> o.startsWith("writer")).toList();
            assertThat(winners).hasSize(1);
            assertThat(outcomes.stream().filter(o -> o.equals("ABORTED")).count()).isEqualTo(writers - 1);
            Brigade after = get(before.getId());
            assertThat(after.getNotes()).isEqualTo(winners.get(0));
            assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- milestones ---------------------------------------------------------------------------

    @Test
    void milestonesGoFromSubmissionToDecisionAndIllegalStepsAreRefused() {
        String id = "yangcheng-runcheng";
        ListMilestonesRequest list = ListMilestonesRequest.newBuilder().setBrigadeId(id).build();
        assertThat(as(ADMIN).listMilestones(list).getMilestonesList()).extracting(Milestone::getId)
                .containsExactly("mobilisation", "benchmark-study", "construction-complete", "acceptance");

        DecideMilestoneRequest accept = DecideMilestoneRequest.newBuilder().setBrigadeId(id)
                .setMilestoneId("mobilisation").setDecision(Decision.DECISION_ACCEPT).build();
        assertThat(code(() -> as(INSPECTOR).decideMilestone(accept))).isEqualTo(Status.Code.FAILED_PRECONDITION);

        SubmitMilestoneRequest submit = SubmitMilestoneRequest.newBuilder().setBrigadeId(id)
                .setMilestoneId("mobilisation").setEvidence("阳城县实施方案 2019-06-20").build();
        assertThat(code(() -> as(ZEZHOU_CLERK).submitMilestone(submit))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(ADMIN).submitMilestone(submit.toBuilder().setEvidence(" ").build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        Milestone submitted = as(ADMIN).submitMilestone(submit);
        assertThat(submitted.getStatus()).isEqualTo(MilestoneStatus.MILESTONE_STATUS_SUBMITTED);
        assertThat(submitted.getSubmittedBy()).isEqualTo("admin");

        assertThat(code(() -> as(FIRE_DEPT).decideMilestone(accept))).isEqualTo(Status.Code.PERMISSION_DENIED);
        Milestone accepted = as(INSPECTOR).decideMilestone(accept);
        assertThat(accepted.getStatus()).isEqualTo(MilestoneStatus.MILESTONE_STATUS_ACCEPTED);
        assertThat(accepted.getOverdue()).isFalse();
        assertThat(code(() -> as(INSPECTOR).decideMilestone(accept))).isEqualTo(Status.Code.FAILED_PRECONDITION);

        assertThat(code(() -> as(ADMIN).submitMilestone(submit.toBuilder().setMilestoneId("acceptance").build())))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(() -> as(ADMIN).submitMilestone(submit.toBuilder().setMilestoneId("nope").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(as(ADMIN).listAuditEntries(ListAuditEntriesRequest.newBuilder().setBrigadeId(id).build())
                .getEntriesList()).extracting(AuditEntry::getAction).startsWith("milestone.decide", "milestone.submit");
    }

    @Test
    void overdueIsJudgedAgainstAsOfAndTheSupervisionListGroupsByCounty() {
        List<Milestone> july = as(ADMIN).listMilestones(ListMilestonesRequest.newBuilder()
                .setBrigadeId("qinshui-jiafeng").setAsOf(date(2019, 7, 1)).build()).getMilestonesList();
        Map<String, Boolean> overdue = july.stream().collect(Collectors.toMap(Milestone::getId, Milestone::getOverdue));
        assertThat(overdue).containsEntry("mobilisation", true).containsEntry("benchmark-study", false)
                .containsEntry("acceptance", false);

        List<CountySupervision> june = as(ADMIN).getSupervisionList(GetSupervisionListRequest.newBuilder()
                .setAsOf(date(2019, 6, 25)).build()).getCountiesList();
        assertThat(june).isEmpty();

        List<CountySupervision> lateJune = as(ADMIN).getSupervisionList(GetSupervisionListRequest.newBuilder()
                .setAsOf(date(2019, 6, 26)).build()).getCountiesList();
        assertThat(lateJune).extracting(CountySupervision::getCountyId).contains("chengqu", "qinshui")
                .doesNotContain("lingchuan-none");
        CountySupervision qinshui = lateJune.stream().filter(c -> c.getCountyId().equals("qinshui")).findFirst().orElseThrow();
        assertThat(qinshui.getCountyName()).isEqualTo("沁水县");
        assertThat(qinshui.getMilestonesList()).allMatch(m -> m.getMilestoneId().equals("mobilisation")
                && m.getDaysOverdue() == 1);

        List<CountySupervision> clerkView = as(ZEZHOU_CLERK).getSupervisionList(GetSupervisionListRequest.newBuilder()
                .setAsOf(date(2020, 1, 1)).build()).getCountiesList();
        assertThat(clerkView).extracting(CountySupervision::getCountyId).containsExactly("zezhou");
    }

    /** The benchmark study is what the plan offers (towns "may" visit): late, it is still never overdue. */
    @Test
    void anOptionalMilestoneIsNeverOverdueNorOnTheSupervisionList() {
        Map<String, Milestone> jiafeng = as(ADMIN).listMilestones(ListMilestonesRequest.newBuilder()
                .setBrigadeId("qinshui-jiafeng").setAsOf(date(2019, 8, 1)).build()).getMilestonesList().stream()
                .collect(Collectors.toMap(Milestone::getId, m -> m));
        assertThat(jiafeng.get("benchmark-study").getOptional()).isTrue();
        assertThat(jiafeng.get("benchmark-study").getDueDate()).isEqualTo(date(2019, 7, 15));
        assertThat(jiafeng.get("benchmark-study").getOverdue()).isFalse();
        assertThat(jiafeng.get("mobilisation").getOptional()).isFalse();
        assertThat(jiafeng.get("mobilisation").getOverdue()).isTrue();
        List<String> listed = as(ADMIN).getSupervisionList(GetSupervisionListRequest.newBuilder()
                .setAsOf(date(2019, 8, 1)).build()).getCountiesList().stream()
                .flatMap(c -> c.getMilestonesList().stream()).map(m -> m.getMilestoneId()).distinct().toList();
        assertThat(listed).contains("mobilisation").doesNotContain("benchmark-study");
    }

    /** A plan stored before its milestones said what is optional follows the seed file on the next start. */
    @Test
    void aStoredPlanFollowsTheSeedFileOnTheNextStart() {
        String planId = get("qinshui-jiafeng").getPlanId();
        database.getCollection("plans").updateOne(new org.bson.Document("_id", planId),
                com.mongodb.client.model.Updates.combine(
                        com.mongodb.client.model.Updates.unset("milestones.$[].optional"),
                        com.mongodb.client.model.Updates.unset("milestones.$[].planWording")));
        Milestone before = as(ADMIN).listMilestones(ListMilestonesRequest.newBuilder().setBrigadeId("qinshui-jiafeng")
                .setAsOf(date(2019, 8, 1)).build()).getMilestonesList().stream()
                .filter(m -> m.getId().equals("benchmark-study")).findFirst().orElseThrow();
        assertThat(before.getOptional()).isFalse();
        assertThat(before.getOverdue()).isTrue();
        seed.seedAgain();
        Milestone after = as(ADMIN).listMilestones(ListMilestonesRequest.newBuilder().setBrigadeId("qinshui-jiafeng")
                .setAsOf(date(2019, 8, 1)).build()).getMilestonesList().stream()
                .filter(m -> m.getId().equals("benchmark-study")).findFirst().orElseThrow();
        assertThat(after.getOptional()).isTrue();
        assertThat(after.getOverdue()).isFalse();
        assertThat(after.getPlanWording()).contains("“可”");
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
    }

    /** The dates the plan does not state carry the mark and the plan's own words; the stated ones neither. */
    @Test
    void derivedDatesAreMarkedWithThePlansWording() {
        Map<String, Milestone> hexi = as(ADMIN).listMilestones(ListMilestonesRequest.newBuilder()
                .setBrigadeId("gaoping-hexi").build()).getMilestonesList().stream()
                .collect(Collectors.toMap(Milestone::getId, m -> m));
        assertThat(hexi.get("full-standard").getDerived()).isTrue();
        assertThat(hexi.get("full-standard").getPlanWording()).contains("再用三年时间");
        assertThat(hexi.get("benchmark-study").getDerived()).isTrue();
        assertThat(hexi.get("benchmark-study").getPlanWording()).contains("“可”");
        assertThat(hexi.get("mobilisation").getDerived()).isFalse();
        assertThat(hexi.get("mobilisation").getPlanWording()).isEmpty();
        assertThat(hexi.get("construction-complete").getDerived()).isFalse();
    }

    @Test
    void withoutAsOfOverdueIsCountedToTodayInTheBusinessZoneJustAfterItsMidnight() {
        // TestTime: 00:30 on 16 November in the business zone, still the 15th in UTC
        List<CountySupervision> today = as(ADMIN).getSupervisionList(GetSupervisionListRequest.getDefaultInstance())
                .getCountiesList();
        var constructionDue = today.stream().flatMap(c -> c.getMilestonesList().stream())
                .filter(m -> m.getBrigadeId().equals("qinshui-zhongcun") && m.getMilestoneId().equals("construction-complete"))
                .findFirst().orElseThrow();
        assertThat(constructionDue.getDaysOverdue()).isEqualTo(16); // due 2019-10-31
        assertThat(today.stream().flatMap(c -> c.getMilestonesList().stream()))
                .noneMatch(m -> m.getMilestoneId().equals("acceptance")); // due 2019-11-30, the window is open
    }

    // --- construction mode --------------------------------------------------------------------

    @Test
    void onlyTheCityAdminActivatesADeferredTownAndMilestonesFollow() {
        ChangeConstructionModeRequest activate = ChangeConstructionModeRequest.newBuilder().setId("lingchuan-fucheng")
                .setConstructionMode(ConstructionMode.CONSTRUCTION_MODE_SELF_BUILT).setReason("财政到位")
                .setEffectiveDate(date(2020, 3, 1)).build();
        assertThat(code(() -> as(INSPECTOR).changeConstructionMode(activate))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(ADMIN).changeConstructionMode(activate.toBuilder().setReason("").build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(as(ADMIN).listMilestones(ListMilestonesRequest.newBuilder().setBrigadeId("lingchuan-fucheng").build())
                .getMilestonesList()).isEmpty();

        Brigade activated = as(ADMIN).changeConstructionMode(activate);
        assertThat(activated.getConstructionMode()).isEqualTo(ConstructionMode.CONSTRUCTION_MODE_SELF_BUILT);
        List<Milestone> milestones = as(ADMIN).listMilestones(ListMilestonesRequest.newBuilder()
                .setBrigadeId("lingchuan-fucheng").build()).getMilestonesList();
        assertThat(milestones).extracting(Milestone::getId)
                .containsExactly("mobilisation", "benchmark-study", "construction-complete", "acceptance");
        // 2020-03-01 is 269 days after the plan's issue (2019-06-06): 2019-06-25 + 269 days
        assertThat(milestones.get(0).getDueDate()).isEqualTo(date(2020, 3, 20));
        assertThat(code(() -> as(ADMIN).changeConstructionMode(activate))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(as(ADMIN).listAuditEntries(ListAuditEntriesRequest.newBuilder().setBrigadeId("lingchuan-fucheng")
                .build()).getEntries(0).getRequestJson()).contains("财政到位");
    }

    @Test
    void anImportCreatesNewBrigadesAndRefusesIdsThatExistOrRepeat() throws Exception {
        java.util.function.Function<Integer, cn.jincheng.brigades.proto.station.v1.BrigadeRow.Builder> row = n ->
                cn.jincheng.brigades.proto.station.v1.BrigadeRow.newBuilder().setRow(n).setCountyId("zezhou")
                        .setTown("新镇" + n).setLevel(BrigadeLevel.BRIGADE_LEVEL_LEVEL_TWO)
                        .setConstructionMode(ConstructionMode.CONSTRUCTION_MODE_SELF_BUILT);
        var rows = List.of(row.apply(2).setId("zezhou-imported-a").build(),
                row.apply(3).setId("zezhou-gaodu").build(),
                row.apply(4).setId("zezhou-imported-b").build(),
                row.apply(5).setId("zezhou-imported-a").build());
        java.util.concurrent.CompletableFuture<cn.jincheng.brigades.proto.imports.v1.ImportResult> answer =
                new java.util.concurrent.CompletableFuture<>();
        var upload = client.as(StationServiceGrpc.newStub(channel), ADMIN).importBrigades(new io.grpc.stub.StreamObserver<>() {
            @Override
            public void onNext(cn.jincheng.brigades.proto.imports.v1.ImportResult result) {
                answer.complete(result);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        upload.onNext(cn.jincheng.brigades.proto.station.v1.ImportBrigadesChunk.newBuilder()
                .setOptions(cn.jincheng.brigades.proto.imports.v1.ImportOptions.newBuilder().setValidRowsOnly(true))
                .addAllRows(rows).build());
        upload.onCompleted();
        var result = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            assertImported(result);
        } finally {
            // the other cases count the plan's 23
            database.getCollection("brigades").deleteMany(com.mongodb.client.model.Filters.in("_id",
                    "zezhou-imported-a", "zezhou-imported-b"));
        }
    }

    private static void assertImported(cn.jincheng.brigades.proto.imports.v1.ImportResult result) {
        assertThat(result.getRows()).isEqualTo(4);
        assertThat(result.getStored()).isEqualTo(2);
        assertThat(result.getErrorsList()).extracting(e -> e.getRow() + " " + e.getField())
                .containsExactlyInAnyOrder("3 id", "5 id");
        assertThat(get("zezhou-imported-b").getTown()).isEqualTo("新镇4");
        assertThat(get("zezhou-imported-a").getTown()).as("the first row of a repeated id").isEqualTo("新镇2");
        assertThat(get("zezhou-gaodu").getTown()).as("an existing brigade is never overwritten").isNotEqualTo("新镇3");
    }

    @Test
    void anAuditEntryLeftInTheOutboxByACrashReachesTheTrailOnTheNextStart() {
        org.bson.Document orphan = new org.bson.Document("_id", "crash-entry").append("brigadeId", "chengqu-beishidian")
                .append("at", new java.util.Date()).append("actor", "admin").append("role", "CITY_ADMIN")
                .append("action", "brigade.update").append("before", new org.bson.Document())
                .append("after", new org.bson.Document()).append("request", new org.bson.Document());
        // as a change's write leaves it when the process dies before the relay: entry and mark together
        database.getCollection("brigades").updateOne(new org.bson.Document("_id", "chengqu-beishidian"),
                new org.bson.Document("$push", new org.bson.Document("outbox", orphan))
                        .append("$set", new org.bson.Document(cn.jincheng.brigades.common.persistence.AuditOutbox.PENDING, true)));
        seed.seedAgain();
        assertThat(as(ADMIN).listAuditEntries(ListAuditEntriesRequest.newBuilder().setBrigadeId("chengqu-beishidian")
                .build()).getEntriesList()).extracting(AuditEntry::getId).contains("crash-entry");
        assertThat(database.getCollection("brigades").find(new org.bson.Document("_id", "chengqu-beishidian")).first()
                .getList("outbox", Object.class)).isEmpty();
    }

    @Test
    void auditIsReadInScopeAndPaged() {
        Brigade b = get("yangcheng-dongye");
        long version = b.getVersion();
        for (int i = 0; i < 3; i++) {
            version = as(ADMIN).updateBrigade(UpdateBrigadeRequest.newBuilder().setId(b.getId())
                    .setExpectedVersion(version).setNotes("n" + i).build()).getVersion();
        }
        var page1 = as(ADMIN).listAuditEntries(ListAuditEntriesRequest.newBuilder().setBrigadeId(b.getId())
                .setPageSize(2).build());
        assertThat(page1.getEntriesList()).hasSize(2);
        var page2 = as(ADMIN).listAuditEntries(ListAuditEntriesRequest.newBuilder().setBrigadeId(b.getId())
                .setPageSize(2).setPageToken(page1.getNextPageToken()).build());
        assertThat(page2.getEntriesList()).hasSize(1);
        assertThat(page2.getEntries(0).getAfterJson()).contains("\"n0\"");
        assertThatThrownBy(() -> as(ZEZHOU_CLERK).listAuditEntries(ListAuditEntriesRequest.newBuilder()
                .setBrigadeId(b.getId()).build())).isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("PERMISSION_DENIED");
    }

    // --- compliance ---------------------------------------------------------------------------

    @Test
    void aDeferredTownHasNoRulesAndAnActiveOneNeedsTheOtherServicesWhichAreNamedWhenDown() {
        var deferred = as(ADMIN).getCompliance(cn.jincheng.brigades.proto.station.v1.GetComplianceRequest.newBuilder()
                .setBrigadeId("yangcheng-ciying").build());
        assertThat(deferred.getRulesApply()).isFalse();
        assertThat(deferred.getTier()).isEqualTo("NONE");
        assertThat(deferred.getYear()).isEqualTo(2019);
        assertThat(deferred.getChecksList()).isEmpty();

        StatusRuntimeException down = catchThrowableOfType(StatusRuntimeException.class, () -> as(ADMIN).getCompliance(
                cn.jincheng.brigades.proto.station.v1.GetComplianceRequest.newBuilder().setBrigadeId("zezhou-gaodu").build()));
        assertThat(down.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(cn.jincheng.brigades.common.grpc.GrpcErrors.errorInfo(down).orElseThrow().getMetadataMap())
                .containsEntry("service", "staffing-service");

        assertThat(code(() -> as(ZEZHOU_CLERK).getCompliance(cn.jincheng.brigades.proto.station.v1.GetComplianceRequest
                .newBuilder().setBrigadeId("gaoping-macun").build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(ADMIN).getCompliance(cn.jincheng.brigades.proto.station.v1.GetComplianceRequest
                .newBuilder().setBrigadeId("yangcheng-ciying").setYear(1800).build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void brigadeStandardsGiveEachBrigadesTierInTheYear() {
        var zezhou = as(ZEZHOU_CLERK).listBrigadeStandards(cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest
                .newBuilder().setYear(2019).build()).getBrigadesList();
        assertThat(zezhou).hasSize(6).allMatch(b -> b.getCountyId().equals("zezhou") && b.getTier().equals("FULL"));
        var gaoping2019 = as(ADMIN).listBrigadeStandards(cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest
                .newBuilder().setCountyId("gaoping").setYear(2019).build()).getBrigadesList();
        assertThat(gaoping2019).filteredOn(b -> b.getBrigadeId().equals("gaoping-hexi")).singleElement()
                .satisfies(b -> assertThat(b.getTier()).isEqualTo("REDUCED"));
        var gaoping2023 = as(ADMIN).listBrigadeStandards(cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest
                .newBuilder().setCountyId("gaoping").setYear(2023).build()).getBrigadesList();
        assertThat(gaoping2023).filteredOn(b -> b.getBrigadeId().equals("gaoping-hexi")).singleElement()
                .satisfies(b -> assertThat(b.getTier()).isEqualTo("FULL"));
        assertThat(code(() -> as(ZEZHOU_CLERK).listBrigadeStandards(cn.jincheng.brigades.proto.station.v1
                .ListBrigadeStandardsRequest.newBuilder().setCountyId("gaoping").setYear(2019).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    // --- acceptance ---------------------------------------------------------------------------

    @Test
    void inspectionsAreRefusedWhenTheyMayNotHappenAndNothingIsRecordedWithoutACompleteSnapshot() {
        var county = cn.jincheng.brigades.proto.station.v1.RecordInspectionRequest.newBuilder().setBrigadeId("zezhou-gaodu")
                .setYear(2019).setStage(cn.jincheng.brigades.proto.station.v1.InspectionStage.INSPECTION_STAGE_COUNTY)
                .setResult(cn.jincheng.brigades.proto.station.v1.InspectionResult.INSPECTION_RESULT_PASS).build();
        var city = county.toBuilder().setStage(cn.jincheng.brigades.proto.station.v1.InspectionStage.INSPECTION_STAGE_CITY)
                .build();
        assertThat(code(() -> as(INSPECTOR).recordInspection(city))).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(() -> as(ZEZHOU_CLERK).recordInspection(city))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(GAOPING_CLERK).recordInspection(county))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(INSPECTOR).recordInspection(county))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(ZEZHOU_CLERK).recordInspection(county.toBuilder().setYear(2030).build())))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(code(() -> as(ADMIN).recordInspection(county.toBuilder().setBrigadeId("yangcheng-ciying").build())))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        StatusRuntimeException down = catchThrowableOfType(StatusRuntimeException.class,
                () -> as(ZEZHOU_CLERK).recordInspection(county));
        assertThat(down.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(as(ADMIN).listInspections(cn.jincheng.brigades.proto.station.v1.ListInspectionsRequest.newBuilder()
                .setBrigadeId("zezhou-gaodu").build()).getInspectionsList()).isEmpty();
    }

    @Test
    void theReportStillComesWhenTheOtherServicesAreDownWithTheirRowsUnavailable() {
        List<cn.jincheng.brigades.proto.station.v1.AcceptanceRow> rows = new ArrayList<>();
        as(INSPECTOR).getAcceptanceReport(cn.jincheng.brigades.proto.station.v1.GetAcceptanceReportRequest.newBuilder()
                .setYear(2019).build()).forEachRemaining(rows::add);
        assertThat(rows).hasSize(23);
        assertThat(rows).extracting(r -> r.getBrigadeId()).isSorted();
        Map<cn.jincheng.brigades.proto.station.v1.Outcome, Long> outcomes = rows.stream()
                .collect(Collectors.groupingBy(r -> r.getOutcome(), Collectors.counting()));
        assertThat(outcomes).containsEntry(cn.jincheng.brigades.proto.station.v1.Outcome.OUTCOME_DEFERRED, 2L)
                .containsEntry(cn.jincheng.brigades.proto.station.v1.Outcome.OUTCOME_UNAVAILABLE, 21L);
        assertThat(rows).filteredOn(r -> r.getOutcome() == cn.jincheng.brigades.proto.station.v1.Outcome.OUTCOME_UNAVAILABLE)
                .allMatch(r -> r.getProblem().contains("-service") && !r.hasCompliant());
        List<cn.jincheng.brigades.proto.station.v1.AcceptanceRow> clerk = new ArrayList<>();
        as(ZEZHOU_CLERK).getAcceptanceReport(cn.jincheng.brigades.proto.station.v1.GetAcceptanceReportRequest.newBuilder()
                .setYear(2019).build()).forEachRemaining(clerk::add);
        assertThat(clerk).hasSize(6).allMatch(r -> r.getCountyId().equals("zezhou") && r.getCountyName().equals("泽州县"));
        assertThat(code(() -> as(INSPECTOR).getAcceptanceReport(cn.jincheng.brigades.proto.station.v1
                .GetAcceptanceReportRequest.newBuilder().setYear(2040).build()).hasNext()))
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
}
