package cn.jincheng.brigades.staffing.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.staffing.domain.funding.Funding;
import cn.jincheng.brigades.staffing.domain.funding.FundingSource;
import cn.jincheng.brigades.staffing.domain.roster.Employment;
import cn.jincheng.brigades.staffing.domain.roster.Firefighter;
import cn.jincheng.brigades.staffing.domain.rules.RulesValidator;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRule;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;
import cn.jincheng.brigades.staffing.persistence.RulesCodec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class StaffingEngineTest {

    static final StaffingRules RULES = seed();
    static final LocalDate YEAR_END = LocalDate.of(2019, 12, 31);

    static StaffingRules seed() {
        try (InputStream in = StaffingEngineTest.class.getResourceAsStream("/rules/staffing-rules-2019.json")) {
            StaffingRules r = RulesCodec.rules(Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            return new StaffingRules(r.id(), 1, Instant.EPOCH, "seed", r.note(), r.rules());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Firefighter> roster(int active, int leftMidYear) {
        List<Firefighter> list = new ArrayList<>();
        for (int i = 0; i < active; i++) {
            list.add(new Firefighter("a" + i, "b", "c", "队员" + i, Employment.LABOUR_DISPATCH, LocalDate.of(2019, 3, 1),
                    null, List.of()));
        }
        for (int i = 0; i < leftMidYear; i++) {
            list.add(new Firefighter("l" + i, "b", "c", "离队" + i, Employment.CONTRACT, LocalDate.of(2019, 3, 1),
                    LocalDate.of(2019, 7, 15), List.of()));
        }
        return list;
    }

    static List<Funding> countyFinance(long yuan) {
        return List.of(new Funding("b", "c", 2019, FundingSource.COUNTY_FINANCE, yuan, "clerk", Instant.EPOCH));
    }

    static Map<String, Boolean> met(StaffingEngine.Result r) {
        return r.checks().stream().collect(Collectors.toMap(CheckResult::rule, CheckResult::met));
    }

    @Test
    void theShippedRulesAreConsistentAndNameTheirSources() {
        RulesValidator.validate(RULES);
        assertThat(RULES.requiredHeadcount("LEVEL_ONE", "FULL")).isEqualTo(10);
        assertThat(RULES.requiredHeadcount("LEVEL_TWO", "REDUCED")).isEqualTo(1);
        assertThat(RULES.rules()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }

    @Test
    void theThresholdsOfThePlanAreMetExactlyAndNotBelow() {
        StaffingEngine.Result ten = StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", "FULL", roster(10, 0),
                countyFinance(500_000), 2019, YEAR_END);
        assertThat(ten.compliant()).isTrue();
        assertThat(ten.headcount()).isEqualTo(10);
        StaffingEngine.Result nine = StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", "FULL", roster(9, 0),
                countyFinance(500_000), 2019, YEAR_END);
        assertThat(met(nine)).containsEntry("staffing.headcount", false).containsEntry("funding.county-finance", true);
        StaffingEngine.Result short1 = StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", "FULL", roster(10, 0),
                countyFinance(499_990), 2019, YEAR_END);
        assertThat(met(short1)).containsEntry("funding.county-finance", false);
    }

    @Test
    void onlyCountyFinanceCountsAndOnlyForTheYear() {
        List<Funding> mixed = List.of(
                new Funding("b", "c", 2019, FundingSource.TOWNSHIP, 400_000, "x", Instant.EPOCH),
                new Funding("b", "c", 2019, FundingSource.COUNTY_FINANCE, 100_000, "x", Instant.EPOCH),
                new Funding("b", "c", 2018, FundingSource.COUNTY_FINANCE, 900_000, "x", Instant.EPOCH));
        StaffingEngine.Result r = StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", "FULL", roster(10, 0), mixed, 2019,
                YEAR_END);
        assertThat(r.payerYuan()).isEqualTo(100_000);
        assertThat(met(r)).containsEntry("funding.county-finance", false);
    }

    @Test
    void sanjiaWithFiveHundredThousandYuanOfTownGovernmentMoneyForTenStaffPassesAndAnotherTownFails() {
        List<Funding> townMoney = List.of(new Funding("b", "c", 2019, FundingSource.TOWNSHIP, 500_000, "x", Instant.EPOCH));
        StaffingEngine.Result sanjia = StaffingEngine.evaluate(RULES, "gaoping-sanjia", "LEVEL_TWO", "REDUCED",
                FundingSource.TOWNSHIP, roster(10, 0), townMoney, 2019, YEAR_END);
        assertThat(met(sanjia)).containsEntry("funding.county-finance", true);
        assertThat(sanjia.compliant()).isTrue();
        assertThat(sanjia.payerYuan()).isEqualTo(500_000);
        StaffingEngine.Result elsewhere = StaffingEngine.evaluate(RULES, "gaoping-macun", "LEVEL_TWO", "FULL",
                FundingSource.COUNTY_FINANCE, roster(10, 0), townMoney, 2019, YEAR_END);
        assertThat(met(elsewhere)).containsEntry("funding.county-finance", false);
        assertThat(elsewhere.compliant()).isFalse();
        assertThat(elsewhere.checks()).filteredOn(c -> c.rule().equals("funding.county-finance")).singleElement()
                .satisfies(c -> assertThat(c.required()).contains("from COUNTY_FINANCE"));
        // and county money does not count for a brigade the plan has the town pay for
        assertThat(met(StaffingEngine.evaluate(RULES, "gaoping-sanjia", "LEVEL_TWO", "REDUCED", FundingSource.TOWNSHIP,
                roster(10, 0), countyFinance(500_000), 2019, YEAR_END))).containsEntry("funding.county-finance", false);
    }

    @Test
    void onlyPlanRulesAreRequiredAndTheOtherPlacesRuleNamesItsSources() {
        assertThat(RULES.rules()).filteredOn(r -> r.severity() == Severity.REQUIRED)
                .allSatisfy(r -> assertThat(r.sourceStatus().mayBeRequired()).as(r.id()).isTrue());
        StaffingRule other = RULES.rules().stream().filter(r -> r.id().equals("staffing.headcount.other-provinces"))
                .findFirst().orElseThrow();
        assertThat(other.sourceStatus()).isEqualTo(SourceStatus.REFERENCE);
        assertThat(other.source()).contains("Taizhou city's rules of 2018").contains("Sichuan province's of 2015")
                .contains("Fujian province's of 2013").doesNotContain("other provinces' implementing rules");
        StaffingRule unpromoted = new StaffingRule(other.id(), other.area(), Severity.REQUIRED, other.kind(), other.levels(),
                other.tiers(), other.min(), other.rateYuan(), other.description(), other.source(), other.sourceStatus());
        assertThat(unpromoted.effectiveSeverity()).isEqualTo(Severity.ADVISORY);
        StaffingRules withIt = new StaffingRules(RULES.id(), 2, Instant.EPOCH, "admin", "n", RULES.rules().stream()
                .map(r -> r.id().equals(other.id()) ? unpromoted : r).toList());
        assertThat(RULES.requiredHeadcount("LEVEL_ONE", "FULL")).isEqualTo(10);
        assertThat(withIt.requiredHeadcount("LEVEL_ONE", "FULL")).as("an unpromoted 15 does not raise it").isEqualTo(10);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                cn.jincheng.brigades.common.domain.errors.ValidationException.class,
                () -> RulesValidator.validate(withIt)).violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).endsWith(".promotionReason"));
    }

    @Test
    void theReducedStandardAsksForAtLeastOneFirefighterAndTheOtherProvincesFifteenOnlyAdvises() {
        StaffingEngine.Result adapted = StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", "REDUCED", roster(1, 0),
                countyFinance(50_000), 2019, YEAR_END);
        assertThat(adapted.compliant()).isTrue();
        StaffingEngine.Result levelOne = StaffingEngine.evaluate(RULES, "b", "LEVEL_ONE", "FULL", roster(10, 0),
                countyFinance(500_000), 2019, YEAR_END);
        assertThat(levelOne.compliant()).isTrue();
        assertThat(met(levelOne)).containsEntry("staffing.headcount.other-provinces", false);
        assertThat(StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", null, roster(0, 0), List.of(), 2019, YEAR_END)
                .checks()).isEmpty();
    }

    /** Funding is met exactly when county finance ≥ 50,000 × max(10, active headcount). */
    @Property(tries = 400)
    void fundingRuleBoundary(@ForAll @IntRange(min = 0, max = 20) int active,
            @ForAll @IntRange(min = 0, max = 5) int leftMidYear,
            @ForAll @LongRange(min = 45_000, max = 55_000) long perHead) {
        int basis = Math.max(10, active);
        long allocated = perHead * basis;
        StaffingEngine.Result r = StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", "FULL", roster(active, leftMidYear),
                countyFinance(allocated), 2019, YEAR_END);
        assertThat(r.headcount()).isEqualTo(active); // leavers do not count at year end
        assertThat(met(r).get("funding.county-finance")).isEqualTo(perHead >= 50_000);
        assertThat(met(r).get("staffing.headcount")).isEqualTo(active >= 10);
        assertThat(r.compliant()).isEqualTo(active >= 10 && perHead >= 50_000);
    }

    /** A leaver counts on the days they served and not after. */
    @Property(tries = 200)
    void headcountOnADayCountsThoseActiveThatDay(@ForAll @IntRange(min = 1, max = 365) int dayOfYear) {
        LocalDate day = LocalDate.ofYearDay(2019, dayOfYear);
        StaffingEngine.Result r = StaffingEngine.evaluate(RULES, "b", "LEVEL_TWO", "FULL", roster(8, 4), List.of(),
                2019, day);
        boolean started = !day.isBefore(LocalDate.of(2019, 3, 1));
        boolean leaversStillThere = !day.isAfter(LocalDate.of(2019, 7, 15));
        assertThat(r.headcount()).isEqualTo(started ? (leaversStillThere ? 12 : 8) : 0);
    }
}
