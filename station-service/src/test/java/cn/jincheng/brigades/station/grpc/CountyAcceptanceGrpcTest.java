package cn.jincheng.brigades.station.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.testing.TestTime;
import cn.jincheng.brigades.proto.station.v1.AssessmentGrade;
import cn.jincheng.brigades.proto.station.v1.CityOutcome;
import cn.jincheng.brigades.proto.station.v1.CountyAcceptance;
import cn.jincheng.brigades.proto.station.v1.GetCatchUpRequest;
import cn.jincheng.brigades.proto.station.v1.GetCountyAcceptanceRequest;
import cn.jincheng.brigades.proto.station.v1.ListCountyAcceptancesRequest;
import cn.jincheng.brigades.proto.station.v1.RecordCountyOutcomeRequest;
import cn.jincheng.brigades.proto.station.v1.UpdateCountySummaryRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** The city's acceptance per county (issue 19) over a real gRPC channel, on the stand-in store. */
@SpringBootTest
@Import(TestTime.FixedClock.class)
class CountyAcceptanceGrpcTest extends StationGrpcTestSupport {

    @Autowired
    MongoDatabase database;

    private static Status.Code code(Runnable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    private static CountyAcceptance get(String county) {
        return as(ADMIN).getCountyAcceptance(GetCountyAcceptanceRequest.newBuilder().setYear(2019).setCountyId(county).build());
    }

    private static UpdateCountySummaryRequest summary(String county, long version, String text) {
        return UpdateCountySummaryRequest.newBuilder().setYear(2019).setCountyId(county).setExpectedVersion(version)
                .setSummary(text).setLongTermMechanism("长效机制: 每季度联合检查").build();
    }

    private static RecordCountyOutcomeRequest.Builder outcome(String county, long version) {
        return RecordCountyOutcomeRequest.newBuilder().setYear(2019).setCountyId(county).setExpectedVersion(version);
    }

    @Test
    void aCountyNobodyWroteComesEmptyWithItsBrigadesResults() {
        CountyAcceptance zezhou = get("zezhou");
        assertThat(zezhou.getVersion()).isZero();
        assertThat(zezhou.getCountyName()).isEqualTo("泽州县");
        assertThat(zezhou.getOutcome()).isEqualTo(CityOutcome.CITY_OUTCOME_UNSPECIFIED);
        assertThat(zezhou.getBrigades().getTotal()).isEqualTo(6);
        assertThat(zezhou.getBrigades().getNotInspected()).isEqualTo(6);
        CountyAcceptance yangcheng = get("yangcheng");
        assertThat(yangcheng.getBrigades().getTotal()).isEqualTo(6);
        assertThat(yangcheng.getBrigades().getDeferred()).isEqualTo(1);
        assertThat(as(ADMIN).listCountyAcceptances(ListCountyAcceptancesRequest.newBuilder().setYear(2019).build())
                .getCountiesList()).extracting(CountyAcceptance::getCountyId)
                .containsExactly("chengqu", "zezhou", "gaoping", "yangcheng", "lingchuan", "qinshui");
        assertThat(as(GAOPING_CLERK).listCountyAcceptances(ListCountyAcceptancesRequest.newBuilder().setYear(2019).build())
                .getCountiesList()).extracting(CountyAcceptance::getCountyId).containsExactly("gaoping");
    }

    @Test
    void theClerksSummaryAndTheInspectorsOutcomeAreStoredVersionedAndAudited() {
        CountyAcceptance written = as(GAOPING_CLERK).updateCountySummary(summary("gaoping", get("gaoping").getVersion(),
                "高平市四支队伍已建成"));
        assertThat(written.getVersion()).isEqualTo(get("gaoping").getVersion());
        assertThat(written.getSummary()).isEqualTo("高平市四支队伍已建成");
        assertThat(written.getSummaryBy()).isEqualTo("clerk-gaoping");

        CountyAcceptance decided = as(INSPECTOR).recordCountyOutcome(outcome("gaoping", written.getVersion())
                .setOutcome(CityOutcome.CITY_OUTCOME_RETURNED_FOR_REWORK).setNote("河西镇营房未达标")
                .setAssessmentScore(86.5).setAssessmentGrade(AssessmentGrade.ASSESSMENT_GRADE_GOOD).build());
        assertThat(decided.getVersion()).isEqualTo(written.getVersion() + 1);
        CountyAcceptance read = get("gaoping");
        assertThat(read).isEqualTo(decided);
        assertThat(read.getOutcome()).isEqualTo(CityOutcome.CITY_OUTCOME_RETURNED_FOR_REWORK);
        assertThat(read.getAssessmentScore()).isEqualTo(86.5);
        assertThat(read.getAssessmentYear()).isEqualTo(2019);
        assertThat(read.getSummary()).isEqualTo("高平市四支队伍已建成"); // the outcome keeps the county's text

        List<Document> audit = database.getCollection("audit")
                .find(new Document("brigadeId", "county-acceptance:2019:gaoping")).into(new java.util.ArrayList<>());
        assertThat(audit).extracting(d -> d.getString("action"))
                .contains("acceptance.county.summary", "acceptance.county.outcome");
        assertThat(audit).extracting(d -> d.getString("actor")).contains("clerk-gaoping", "inspector");
        assertThat(database.getCollection("countyAcceptances").find(new Document("_id", "2019|gaoping")).first()
                .getList("outbox", Object.class)).isEmpty();
    }

    @Test
    void onlyTheCountysClerkOrTheAdminWritesTheSummaryAndOnlyTheCityRecordsTheOutcome() {
        long version = get("lingchuan").getVersion();
        assertThat(code(() -> as(ZEZHOU_CLERK).updateCountySummary(summary("lingchuan", version, "x"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(FIRE_DEPT).updateCountySummary(summary("lingchuan", version, "x"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(INSPECTOR).updateCountySummary(summary("lingchuan", version, "x"))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        RecordCountyOutcomeRequest reject = outcome("lingchuan", version).setOutcome(CityOutcome.CITY_OUTCOME_NOT_ACCEPTED)
                .build();
        assertThat(code(() -> as(ZEZHOU_CLERK).recordCountyOutcome(reject))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(FIRE_DEPT).recordCountyOutcome(reject))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(code(() -> as(ZEZHOU_CLERK).getCountyAcceptance(GetCountyAcceptanceRequest.newBuilder()
                .setYear(2019).setCountyId("lingchuan").build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(get("lingchuan").getVersion()).isEqualTo(version);
        assertThat(as(ADMIN).updateCountySummary(summary("lingchuan", version, "x")).getVersion()).isEqualTo(version + 1);
        assertThat(as(ADMIN).recordCountyOutcome(outcome("lingchuan", version + 1)
                .setOutcome(CityOutcome.CITY_OUTCOME_NOT_ACCEPTED).build()).getVersion()).isEqualTo(version + 2);
    }

    @Test
    void aStaleVersionIsRefusedWithTheCurrentOneAndAnUnknownCountyIsNotFound() {
        long version = get("qinshui").getVersion();
        as(ADMIN).updateCountySummary(summary("qinshui", version, "first"));
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> as(ADMIN).updateCountySummary(summary("qinshui", version, "second")));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("currentVersion", Long.toString(version + 1));
        assertThat(get("qinshui").getSummary()).isEqualTo("first");
        assertThat(code(() -> as(ADMIN).getCountyAcceptance(GetCountyAcceptanceRequest.newBuilder().setYear(2019)
                .setCountyId("no-such-county").build()))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(() -> as(ADMIN).updateCountySummary(summary("no-such-county", 0, "x"))))
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndChangesNothing() {
        CountyAcceptance before = get("chengqu");
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> as(INSPECTOR)
                .recordCountyOutcome(RecordCountyOutcomeRequest.newBuilder().setYear(2019).setCountyId("chengqu")
                        .setAssessmentScore(120).setAssessmentYear(1800).build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(e).getFieldViolationsList()).extracting(v -> v.getField())
                .containsExactlyInAnyOrder("version", "outcome", "assessmentScore", "assessmentYear");
        assertThat(code(() -> as(ADMIN).getCountyAcceptance(GetCountyAcceptanceRequest.newBuilder().setYear(1990)
                .setCountyId("chengqu").build()))).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(get("chengqu")).isEqualTo(before);
    }

    @Test
    void acceptingACountyWhoseBrigadesLackACityPassNeedsTheReason() {
        CountyAcceptance before = get("zezhou");
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, () -> as(INSPECTOR)
                .recordCountyOutcome(outcome("zezhou", before.getVersion()).setOutcome(CityOutcome.CITY_OUTCOME_ACCEPTED)
                        .setNote("  ").build()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(badRequest(e).getFieldViolationsList()).extracting(v -> v.getField()).containsExactly("note");
        assertThat(get("zezhou")).isEqualTo(before);
        CountyAcceptance accepted = as(INSPECTOR).recordCountyOutcome(outcome("zezhou", before.getVersion())
                .setOutcome(CityOutcome.CITY_OUTCOME_ACCEPTED).setNote("结合年度考核,整体通过")
                .setAssessmentGrade(AssessmentGrade.ASSESSMENT_GRADE_EXCELLENT).build());
        assertThat(accepted.getOutcome()).isEqualTo(CityOutcome.CITY_OUTCOME_ACCEPTED);
        assertThat(accepted.getAssessmentGrade()).isEqualTo(AssessmentGrade.ASSESSMENT_GRADE_EXCELLENT);
        assertThat(accepted.hasAssessmentScore()).isFalse();
    }

    @Test
    void theCatchUpIsForAdaptedBrigadesAndNamesTheServicesItNeeds() {
        assertThat(code(() -> as(ADMIN).getCatchUp(GetCatchUpRequest.newBuilder().setBrigadeId("zezhou-gaodu").build())))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(code(() -> as(ADMIN).getCatchUp(GetCatchUpRequest.newBuilder().setBrigadeId("no-such").build())))
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(code(() -> as(ZEZHOU_CLERK).getCatchUp(GetCatchUpRequest.newBuilder().setBrigadeId("gaoping-hexi")
                .build()))).isEqualTo(Status.Code.PERMISSION_DENIED);
        // equipment- and staffing-service are not running in this test
        assertThat(code(() -> as(ADMIN).getCatchUp(GetCatchUpRequest.newBuilder().setBrigadeId("gaoping-hexi").build())))
                .isEqualTo(Status.Code.UNAVAILABLE);
    }
}
