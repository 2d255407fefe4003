package cn.jincheng.brigades.staffing.grpc;

import static cn.jincheng.brigades.common.testing.GrpcAssertions.failure;
import static cn.jincheng.brigades.common.testing.GrpcAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import com.google.type.Date;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.testing.GrpcServiceTestSupport;
import cn.jincheng.brigades.common.testing.StationDirectory;
import cn.jincheng.brigades.common.testing.TestTime;
import cn.jincheng.brigades.proto.compliance.v1.Check;
import cn.jincheng.brigades.proto.imports.v1.ImportOptions;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import cn.jincheng.brigades.proto.staffing.v1.AddFirefighterRequest;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeRef;
import cn.jincheng.brigades.proto.staffing.v1.BrigadeStaffing;
import cn.jincheng.brigades.proto.staffing.v1.Employment;
import cn.jincheng.brigades.proto.staffing.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.staffing.v1.Firefighter;
import cn.jincheng.brigades.proto.staffing.v1.FirefighterRow;
import cn.jincheng.brigades.proto.staffing.v1.FundingSource;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.GetCountyFundingResponse;
import cn.jincheng.brigades.proto.staffing.v1.ImportFirefightersChunk;
import cn.jincheng.brigades.proto.staffing.v1.ListFirefightersRequest;
import cn.jincheng.brigades.proto.staffing.v1.PutFundingRequest;
import cn.jincheng.brigades.proto.staffing.v1.RecordDepartureRequest;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** staffing.v1 over a real channel against the embedded store, with the brigades station-service sends its directory copy. */
@SpringBootTest
@Import(TestTime.FixedClock.class)
class StaffingGrpcServiceTest extends GrpcServiceTestSupport {

    static final Caller ADMIN = new Caller("admin", Role.CITY_ADMIN, null);
    static final Caller INSPECTOR = new Caller("inspector", Role.CITY_INSPECTOR, null);
    static final Caller QINSHUI = new Caller("clerk-qinshui", Role.COUNTY_CLERK, "qinshui");

    /** The service is up by now: the brigades station-service has sent its directory copy. */
    @BeforeEach
    void directoryCopy() {
        new StationDirectory(client.channel(), STATION_KEY).send("qinshui-zhongcun", "qinshui-jiafeng",
                "qinshui-later-deferred", "qinshui-xiaoyuan", "zezhou-gaodu");
    }

    static StaffingServiceGrpc.StaffingServiceBlockingStub as(Caller caller) {
        return client.as(StaffingServiceGrpc.newBlockingStub(client.channel()), caller);
    }

    static Date date(int y, int m, int d) {
        return ProtoTime.date(java.time.LocalDate.of(y, m, d));
    }

    static Firefighter hire(String brigade, String name) {
        return as(QINSHUI).addFirefighter(AddFirefighterRequest.newBuilder().setBrigadeId(brigade).setName(name)
                .setEmployment(Employment.EMPLOYMENT_LABOUR_DISPATCH).setStartDate(date(2019, 8, 1)).build());
    }

    @Test
    void aDepartureWithoutADateEndsOnTheBusinessTodayJustAfterItsMidnight() {
        Firefighter leaver = hire("qinshui-jiafeng", "离队者");
        Firefighter left = as(QINSHUI).recordDeparture(RecordDepartureRequest.newBuilder().setBrigadeId("qinshui-jiafeng")
                .setFirefighterId(leaver.getId()).build());
        // TestTime: 00:30 on 16 November in the business zone, still the 15th in UTC
        assertThat(left.getEndDate()).isEqualTo(ProtoTime.date(TestTime.TODAY));
        assertThat(left.getActive()).isTrue(); // the end date is the last day served
    }

    @Test
    void aCountyEntersTenFirefightersAndTheYearsFundingAndMeetsThePlanExactly() {
        List<Firefighter> team = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            team.add(hire("qinshui-zhongcun", "队员" + i));
        }
        as(QINSHUI).putFunding(PutFundingRequest.newBuilder().setBrigadeId("qinshui-zhongcun").setYear(2019)
                .setSource(FundingSource.FUNDING_SOURCE_COUNTY_FINANCE).setAmountYuan(500_000).build());
        as(QINSHUI).putFunding(PutFundingRequest.newBuilder().setBrigadeId("qinshui-zhongcun").setYear(2019)
                .setSource(FundingSource.FUNDING_SOURCE_TOWNSHIP).setAmountYuan(80_000).build());
        BrigadeStaffing met = evaluate("qinshui-zhongcun");
        assertThat(met.getCompliant()).isTrue();
        assertThat(met.getHeadcount()).isEqualTo(10);
        assertThat(met.getStandard()).startsWith("jincheng-township-staffing@");
        assertThat(met.getChecksList()).allMatch(c -> !c.getSource().isBlank());

        Firefighter leaver = team.get(0);
        RecordDepartureRequest leave = RecordDepartureRequest.newBuilder().setBrigadeId("qinshui-zhongcun")
                .setFirefighterId(leaver.getId()).setEndDate(date(2019, 10, 1)).build();
        assertThat(as(QINSHUI).recordDeparture(leave).getActive()).isFalse();
        assertThat(failure(() -> as(QINSHUI).recordDeparture(leave)).getStatus().getCode())
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        var roster = as(INSPECTOR).listFirefighters(ListFirefightersRequest.newBuilder().setBrigadeId("qinshui-zhongcun")
                .setAsOf(date(2019, 12, 31)).build());
        assertThat(roster.getFirefightersCount()).isEqualTo(10); // the leaver's record stays
        assertThat(roster.getActiveCount()).isEqualTo(9);
        BrigadeStaffing short1 = evaluate("qinshui-zhongcun");
        assertThat(short1.getCompliant()).isFalse();
        assertThat(short1.getChecksList()).filteredOn(c -> c.getRule().equals("staffing.headcount"))
                .singleElement().extracting(Check::getActual).isEqualTo("9 active");

        var trail = as(INSPECTOR).listAuditEntries(cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest.newBuilder()
                .setBrigadeId("qinshui-zhongcun").setPageSize(3).build());
        assertThat(trail.getEntriesList()).extracting(e -> e.getAction())
                .containsExactly("firefighter.depart", "funding.put", "funding.put");
        assertThat(trail.getNextPageToken()).isNotEmpty();
        var rest = as(INSPECTOR).listAuditEntries(cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest.newBuilder()
                .setBrigadeId("qinshui-zhongcun").setPageToken(trail.getNextPageToken()).build());
        assertThat(rest.getEntriesList()).hasSize(10).allMatch(e -> e.getAction().equals("firefighter.add"));

        GetCountyFundingResponse budget = as(QINSHUI).getCountyFunding(qinshuiBudget().build());
        assertThat(budget.getBrigadesList()).extracting(b -> b.getBrigadeId())
                .containsExactly("qinshui-jiafeng", "qinshui-later-deferred", "qinshui-zhongcun");
        var zhongcun = budget.getBrigadesList().stream().filter(b -> b.getBrigadeId().equals("qinshui-zhongcun"))
                .findFirst().orElseThrow();
        assertThat(zhongcun.getAllocatedYuan()).isEqualTo(500_000);
        assertThat(zhongcun.getRequiredYuan()).isEqualTo(500_000);
        assertThat(zhongcun.getOtherSourcesYuan()).isEqualTo(80_000);
        var jiafeng = budget.getBrigadesList().stream().filter(b -> b.getBrigadeId().equals("qinshui-jiafeng"))
                .findFirst().orElseThrow();
        assertThat(jiafeng.getShortfallYuan()).isEqualTo(500_000);
        var deferred = budget.getBrigadesList().stream().filter(b -> b.getTier().equals("NONE")).findFirst().orElseThrow();
        assertThat(deferred.getRequiredYuan()).isZero();
        assertThat(budget.getRequiredYuan()).isEqualTo(budget.getBrigadesList().stream().mapToLong(b -> b.getRequiredYuan()).sum());
        assertThat(budget.getShortfallYuan()).isEqualTo(500_000);
    }

    @Test
    void badRosterAndFundingInputIsRefusedFieldByField() {
        assertThat(fields(failure(() -> as(QINSHUI).addFirefighter(AddFirefighterRequest.newBuilder()
                .setBrigadeId("qinshui-jiafeng").setName(" ").setStartDate(date(2019, 9, 1)).setEndDate(date(2019, 8, 1))
                .build())))).containsExactlyInAnyOrder("name", "employment", "endDate");
        assertThat(fields(failure(() -> hire("qinshui-jiafeng", "名".repeat(201))))).containsExactly("name");
        assertThat(fields(failure(() -> as(QINSHUI).putFunding(PutFundingRequest.newBuilder().setBrigadeId("qinshui-jiafeng")
                .setYear(1999).setAmountYuan(-1).build())))).containsExactlyInAnyOrder("year", "source", "amountYuan");
        assertThat(fields(failure(() -> as(QINSHUI).putFunding(PutFundingRequest.newBuilder().setBrigadeId("qinshui-jiafeng")
                .setYear(2019).setSource(FundingSource.FUNDING_SOURCE_OTHER).setAmountYuan(1_000_000_000_000L).build()))))
                .containsExactly("amountYuan");
        assertThat(failure(() -> hire("zezhou-gaodu", "越界")).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> as(INSPECTOR).addFirefighter(AddFirefighterRequest.newBuilder().setBrigadeId("qinshui-jiafeng")
                .setName("x").setEmployment(Employment.EMPLOYMENT_CAREER).setStartDate(date(2019, 1, 1)).build()))
                .getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> as(QINSHUI).recordDeparture(RecordDepartureRequest.newBuilder()
                .setBrigadeId("qinshui-jiafeng").setFirefighterId("nobody").build())).getStatus().getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(as(QINSHUI).listFirefighters(ListFirefightersRequest.newBuilder().setBrigadeId("qinshui-jiafeng")
                .build()).getFirefightersCount()).isZero();
    }

    @Test
    void theCityAdministratorPublishesNewRulesAndOldVersionsStayReadable() {
        var current = as(ADMIN).getRules(cn.jincheng.brigades.proto.staffing.v1.GetRulesRequest.getDefaultInstance());
        var reduced = current.getRulesList().stream().filter(r -> r.getId().equals("staffing.headcount.reduced"))
                .findFirst().orElseThrow();
        var rules = new ArrayList<>(current.getRulesList());
        rules.replaceAll(r -> r.getId().equals(reduced.getId()) ? r.toBuilder().setMin(3).build() : r);
        var publish = cn.jincheng.brigades.proto.staffing.v1.PublishRulesRequest.newBuilder()
                .setBasedOnVersion(current.getVersion()).setNote("县里决定：因地制宜队至少3人").addAllRules(rules).build();
        assertThat(failure(() -> as(QINSHUI).publishRules(publish)).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        var contradictory = publish.toBuilder().setRules(0, publish.getRules(0).toBuilder().setMin(0)).build();
        assertThat(fields(failure(() -> as(ADMIN).publishRules(contradictory)))).containsExactly("rules[0].min");

        var next = as(ADMIN).publishRules(publish);
        assertThat(next.getVersion()).isEqualTo(current.getVersion() + 1);
        assertThat(failure(() -> as(ADMIN).publishRules(publish)).getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(as(ADMIN).getRules(cn.jincheng.brigades.proto.staffing.v1.GetRulesRequest.newBuilder()
                .setVersion(current.getVersion()).build()).getRulesList()).contains(reduced);

        List<BrigadeStaffing> out = new ArrayList<>();
        as(ADMIN).evaluateCompliance(EvaluateComplianceRequest.newBuilder().setYear(2019).setAsOf(date(2019, 12, 31))
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("qinshui-jiafeng").setLevel("LEVEL_TWO").setTier("REDUCED"))
                .build()).forEachRemaining(out::add);
        assertThat(out.get(0).getStandard()).endsWith("@" + next.getVersion());
        assertThat(out.get(0).getChecksList()).anyMatch(c -> c.getRequired().startsWith("≥ 3 active"));
    }

    @Test
    void sanjiasTownGovernmentMoneyMeetsItsFundingRuleAndTheSameMoneyElsewhereDoesNot() {
        new StationDirectory(client.channel(), STATION_KEY).send("gaoping-sanjia", "gaoping-macun");
        for (String brigade : List.of("gaoping-sanjia", "gaoping-macun")) {
            for (int i = 1; i <= 10; i++) {
                as(ADMIN).addFirefighter(AddFirefighterRequest.newBuilder().setBrigadeId(brigade).setName("队员" + i)
                        .setEmployment(Employment.EMPLOYMENT_LABOUR_DISPATCH).setStartDate(date(2019, 8, 1)).build());
            }
            as(ADMIN).putFunding(PutFundingRequest.newBuilder().setBrigadeId(brigade).setYear(2019)
                    .setSource(FundingSource.FUNDING_SOURCE_TOWNSHIP).setAmountYuan(500_000).build());
        }
        List<BrigadeStaffing> out = new ArrayList<>();
        as(ADMIN).evaluateCompliance(EvaluateComplianceRequest.newBuilder().setYear(2019).setAsOf(date(2019, 12, 31))
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("gaoping-sanjia").setLevel("LEVEL_TWO").setTier("REDUCED")
                        .setFundingPayer(FundingSource.FUNDING_SOURCE_TOWNSHIP))
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("gaoping-macun").setLevel("LEVEL_ONE").setTier("FULL"))
                .build()).forEachRemaining(out::add);
        Check sanjia = out.get(0).getChecksList().stream().filter(c -> c.getRule().equals("funding.county-finance"))
                .findFirst().orElseThrow();
        assertThat(sanjia.getMet()).isTrue();
        assertThat(sanjia.getRequired()).contains("500000 yuan from TOWNSHIP");
        assertThat(sanjia.getActual()).isEqualTo("500000 yuan from TOWNSHIP");
        Check macun = out.get(1).getChecksList().stream().filter(c -> c.getRule().equals("funding.county-finance"))
                .findFirst().orElseThrow();
        assertThat(macun.getMet()).isFalse();
        assertThat(macun.getRequired()).contains("from COUNTY_FINANCE");
        assertThat(macun.getActual()).isEqualTo("0 yuan from COUNTY_FINANCE");

        BrigadeStaffing unmet = as(ADMIN).evaluateCompliance(EvaluateComplianceRequest.newBuilder().setYear(2019)
                .setAsOf(date(2019, 12, 31)).setUnmetOnly(true)
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("gaoping-sanjia").setLevel("LEVEL_TWO").setTier("REDUCED")
                        .setFundingPayer(FundingSource.FUNDING_SOURCE_TOWNSHIP)).build()).next();
        assertThat(unmet.getCompliant()).isEqualTo(out.get(0).getCompliant());
        assertThat(unmet.getHeadcount()).isEqualTo(out.get(0).getHeadcount());
        assertThat(unmet.getChecksList()).noneMatch(Check::getMet)
                .containsExactlyElementsOf(out.get(0).getChecksList().stream().filter(c -> !c.getMet()).toList());
    }

    @Test
    void promotingTheOtherPlacesHeadcountToRequiredNeedsAReason() {
        var current = as(ADMIN).getRules(cn.jincheng.brigades.proto.staffing.v1.GetRulesRequest.getDefaultInstance());
        int at = 0;
        while (!current.getRules(at).getId().equals("staffing.headcount.other-provinces")) {
            at++;
        }
        var other = current.getRules(at);
        assertThat(other.getSourceStatus()).isEqualTo(cn.jincheng.brigades.proto.compliance.v1.SourceStatus.SOURCE_STATUS_REFERENCE);
        assertThat(other.getSource()).contains("Taizhou").contains("Sichuan").contains("2015").contains("Fujian")
                .contains("2013");
        var publish = cn.jincheng.brigades.proto.staffing.v1.PublishRulesRequest.newBuilder()
                .setBasedOnVersion(current.getVersion()).setNote("15 for level one").addAllRules(current.getRulesList())
                .setRules(at, other.toBuilder().setSeverity(cn.jincheng.brigades.proto.compliance.v1.Severity.SEVERITY_REQUIRED))
                .build();
        assertThat(fields(failure(() -> as(ADMIN).publishRules(publish)))).containsExactly("rules[" + at + "].promotionReason");
    }

    @Test
    void aCountyBudgetCountsOnlyBrigadesThatExistAndAreTheCountys() {
        assertThat(failure(() -> as(QINSHUI).getCountyFunding(qinshuiBudget()
                .addBrigades(standard("nope-qinshui-ghost", "FULL")).build())).getStatus().getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(fields(failure(() -> as(ADMIN).getCountyFunding(qinshuiBudget()
                .addBrigades(standard("zezhou-gaodu", "FULL")).build())))).containsExactly("brigades[3].brigadeId");
        assertThat(failure(() -> as(QINSHUI).getCountyFunding(GetCountyFundingRequest.newBuilder().setCountyId("zezhou")
                .setYear(2019).addBrigades(standard("zezhou-gaodu", "FULL")).build())).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void anImportStoresItsValidRowsWithOneAuditEntryPerBrigade() throws Exception {
        var rows = List.of(
                FirefighterRow.newBuilder().setRow(2).setBrigadeId("qinshui-xiaoyuan").setName("甲")
                        .setEmployment(Employment.EMPLOYMENT_CONTRACT).setStartDate(date(2019, 5, 1)).build(),
                FirefighterRow.newBuilder().setRow(3).setBrigadeId("qinshui-xiaoyuan").setName("乙")
                        .setEmployment(Employment.EMPLOYMENT_CAREER).setStartDate(date(2019, 6, 1)).build(),
                FirefighterRow.newBuilder().setRow(4).setBrigadeId("zezhou-gaodu").setName("丙")
                        .setEmployment(Employment.EMPLOYMENT_CAREER).setStartDate(date(2019, 6, 1)).build());
        CompletableFuture<ImportResult> answer = new CompletableFuture<>();
        var upload = client.as(StaffingServiceGrpc.newStub(client.channel()), QINSHUI)
                .importFirefighters(new StreamObserver<>() {
                    @Override
                    public void onNext(ImportResult result) {
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
        upload.onNext(ImportFirefightersChunk.newBuilder()
                .setOptions(ImportOptions.newBuilder().setValidRowsOnly(true)).addAllRows(rows).build());
        upload.onCompleted();
        ImportResult result = answer.get(10, TimeUnit.SECONDS);

        assertThat(result.getRows()).isEqualTo(3);
        assertThat(result.getStored()).isEqualTo(2);
        assertThat(result.getImportId()).isNotEmpty();
        assertThat(result.getErrorsList()).singleElement()
                .satisfies(e -> assertThat(e.getRow()).isEqualTo(4))
                .satisfies(e -> assertThat(e.getField()).isEqualTo("brigadeId"));
        assertThat(as(QINSHUI).listFirefighters(ListFirefightersRequest.newBuilder().setBrigadeId("qinshui-xiaoyuan")
                .build()).getFirefightersList()).extracting(Firefighter::getName).containsExactly("甲", "乙");
        var trail = as(QINSHUI).listAuditEntries(cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest.newBuilder()
                .setBrigadeId("qinshui-xiaoyuan").build());
        assertThat(trail.getEntriesList()).singleElement().satisfies(e -> {
            assertThat(e.getAction()).isEqualTo("firefighter.import");
            assertThat(e.getBeforeJson()).isEmpty();
            assertThat(e.getAfterJson()).contains("\"firefighters\"").contains("甲").contains("乙");
            assertThat(e.getRequestJson()).contains("\"rows\": 2");
        });
    }

    /**
     * Qinshui's budget request as the gateway sends it, with the brigades and standards
     * station-service lists (the stand-in: LEVEL_TWO, FULL but "-deferred" towns, NONE).
     */
    private static GetCountyFundingRequest.Builder qinshuiBudget() {
        return GetCountyFundingRequest.newBuilder().setCountyId("qinshui").setYear(2019)
                .addBrigades(standard("qinshui-jiafeng", "FULL"))
                .addBrigades(standard("qinshui-later-deferred", "NONE"))
                .addBrigades(standard("qinshui-zhongcun", "FULL"));
    }

    private static BrigadeRef standard(String brigade, String tier) {
        return BrigadeRef.newBuilder().setBrigadeId(brigade).setLevel("LEVEL_TWO").setTier(tier).build();
    }

    private static BrigadeStaffing evaluate(String brigade) {
        List<BrigadeStaffing> out = new ArrayList<>();
        as(ADMIN).evaluateCompliance(EvaluateComplianceRequest.newBuilder().setYear(2019).setAsOf(date(2019, 12, 31))
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId(brigade).setLevel("LEVEL_TWO").setTier("FULL"))
                .build()).forEachRemaining(out::add);
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
