package cn.jincheng.brigades.equipment.domain.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.Rule;
import cn.jincheng.brigades.equipment.domain.catalog.Tier;
import cn.jincheng.brigades.equipment.domain.inventory.Drill;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.Finding;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;
import cn.jincheng.brigades.equipment.domain.inventory.VehicleStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ComplianceEngineTest {

    static final Catalog CATALOG = SeedCatalog.load();
    static final LocalDate AS_OF = LocalDate.of(2019, 11, 15);
    static final BrigadeRef LEVEL_ONE = new BrigadeRef("zezhou-gaodu", "LEVEL_ONE", Tier.FULL, 10);
    static final BrigadeRef LEVEL_TWO = new BrigadeRef("qinshui-zhongcun", "LEVEL_TWO", Tier.FULL, 10);

    private static int plates;

    static Vehicle vehicle(String type, VehicleStatus status) {
        return new Vehicle("v" + plates, "b", "c", type, "晋E" + (10000 + plates++), status, 1);
    }

    static EquipmentItem item(String id, String code, int quantity, LocalDate expires) {
        return new EquipmentItem(id, "b", "c", code, quantity, expires, List.of(), 1);
    }

    static Map<String, Boolean> vehicleChecks(BrigadeRef brigade, List<Vehicle> vehicles) {
        Evaluation e = ComplianceEngine.evaluate(CATALOG, brigade, new Inventory(vehicles, List.of(), List.of(), List.of()),
                2019, AS_OF);
        return e.checks().stream().filter(c -> c.area().name().equals("VEHICLES"))
                .collect(Collectors.toMap(CheckResult::rule, CheckResult::met));
    }

    @Test
    void aLevelOneBrigadeNeedsAWaterTankerAndAnotherFirefightingOrSpecialVehicleInService() {
        assertThat(vehicleChecks(LEVEL_ONE, List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE))))
                .containsEntry("vehicles.level-one.water-tanker", true)
                .containsEntry("vehicles.level-one.total", false)
                .containsEntry("vehicles.level-one.other-firefighting-or-special", false);
        List<Vehicle> tankerAndFoam = List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("FOAM_TANKER", VehicleStatus.IN_SERVICE));
        assertThat(vehicleChecks(LEVEL_ONE, tankerAndFoam)).doesNotContainValue(false).hasSize(3);
        List<Vehicle> foamOut = List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("FOAM_TANKER", VehicleStatus.OUT_OF_SERVICE));
        assertThat(vehicleChecks(LEVEL_ONE, foamOut)).containsEntry("vehicles.level-one.total", false);
        List<Vehicle> tankerAndRescue = List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("RESCUE", VehicleStatus.IN_SERVICE));
        assertThat(vehicleChecks(LEVEL_ONE, tankerAndRescue)).doesNotContainValue(false);
        List<Vehicle> tankerAndSupport = List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("WATER_SUPPLY", VehicleStatus.IN_SERVICE));
        assertThat(vehicleChecks(LEVEL_ONE, tankerAndSupport))
                .containsEntry("vehicles.level-one.other-firefighting-or-special", false);
        List<Vehicle> twoTankers = List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE));
        assertThat(vehicleChecks(LEVEL_ONE, twoTankers)).containsEntry("vehicles.level-one.total", true)
                .containsEntry("vehicles.level-one.water-tanker", true)
                .containsEntry("vehicles.level-one.other-firefighting-or-special", false);
        List<Vehicle> twoFoam = List.of(vehicle("FOAM_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("FOAM_TANKER", VehicleStatus.IN_SERVICE));
        assertThat(vehicleChecks(LEVEL_ONE, twoFoam)).containsEntry("vehicles.level-one.water-tanker", false);
    }

    @Test
    void aLevelOneBrigadeWithTwoWaterTankersIsNotCompliantAndWithATankerAndAFoamOrSpecialVehicleItIs() {
        List<Vehicle> twoTankers = List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE));
        assertThat(vehiclesCompliant(twoTankers)).isFalse();
        assertThat(vehiclesCompliant(List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("FOAM_TANKER", VehicleStatus.IN_SERVICE)))).isTrue();
        assertThat(vehiclesCompliant(List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE),
                vehicle("LIGHTING", VehicleStatus.IN_SERVICE)))).isTrue();
        List<Vehicle> threeTankers = new ArrayList<>(twoTankers);
        threeTankers.add(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE));
        assertThat(vehiclesCompliant(threeTankers)).isFalse();
    }

    /** Whether a level-one brigade with these vehicles (and nothing else) is compliant: only vehicle rules are REQUIRED. */
    private static boolean vehiclesCompliant(List<Vehicle> vehicles) {
        Evaluation e = ComplianceEngine.evaluate(CATALOG, LEVEL_ONE, new Inventory(vehicles, List.of(), List.of(), List.of()),
                2019, AS_OF);
        return e.compliant();
    }

    @Test
    void onlyPlanAndVerifiedRulesFailABrigadeUnlessTheCityPromotedThem() {
        Evaluation nothing = ComplianceEngine.evaluate(CATALOG, LEVEL_TWO, Inventory.EMPTY, 2019, AS_OF);
        assertThat(nothing.checks()).filteredOn(c -> c.severity() == Severity.REQUIRED)
                .allSatisfy(c -> assertThat(c.sourceStatus().mayBeRequired()).isTrue())
                .extracting(CheckResult::rule).containsExactly("vehicles.level-two.water-tanker");
        assertThat(byRule(nothing).get("ppe.helmet").severity()).isEqualTo(Severity.ADVISORY);
        Inventory tanker = new Inventory(List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE)), List.of(), List.of(),
                List.of());
        Evaluation aTanker = ComplianceEngine.evaluate(CATALOG, LEVEL_TWO, tanker, 2019, AS_OF);
        assertThat(aTanker.compliant()).as("no PPE: advisory checks fail, the brigade does not").isTrue();

        // a catalog stored before promotions needed a reason: its REQUIRED helmet rule counts as ADVISORY
        Rule helmet = CATALOG.rules().stream().filter(r -> r.id().equals("ppe.helmet")).findFirst().orElseThrow();
        Rule legacy = new Rule(helmet.id(), helmet.area(), Severity.REQUIRED, helmet.kind(), helmet.levels(), helmet.tiers(),
                helmet.vehicleTypes(), helmet.vehicleCategories(), helmet.itemCode(), helmet.min(), helmet.perFirefighter(),
                helmet.max(), helmet.description(), helmet.source(), helmet.sourceStatus());
        assertThat(ComplianceEngine.evaluate(withReplaced(legacy), LEVEL_TWO, tanker, 2019, AS_OF).compliant()).isTrue();
        // promoted by the city with a reason: it fails the brigade, and the check says why
        Rule promoted = new Rule(legacy.id(), legacy.area(), Severity.REQUIRED, legacy.kind(), legacy.levels(),
                legacy.tiers(), legacy.vehicleTypes(), legacy.vehicleCategories(), legacy.itemCode(), legacy.min(),
                legacy.perFirefighter(), legacy.max(), legacy.description(), legacy.source(), legacy.sourceStatus(),
                List.of(), "市里核实 GA 621-2013 后提升");
        Evaluation promotedEval = ComplianceEngine.evaluate(withReplaced(promoted), LEVEL_TWO, tanker, 2019, AS_OF);
        assertThat(promotedEval.compliant()).isFalse();
        assertThat(byRule(promotedEval).get("ppe.helmet").severity()).isEqualTo(Severity.REQUIRED);
        assertThat(byRule(promotedEval).get("ppe.helmet").promotionReason()).isEqualTo("市里核实 GA 621-2013 后提升");
    }

    private static Catalog withReplaced(Rule rule) {
        List<Rule> rules = CATALOG.rules().stream().map(r -> r.id().equals(rule.id()) ? rule : r).toList();
        return new Catalog(CATALOG.id(), 2, CATALOG.title(), CATALOG.publishedAt(), "admin", "test",
                CATALOG.defaultHeadcount(), CATALOG.vehicleTypes(), CATALOG.items(), rules);
    }

    @Test
    void aLevelTwoBrigadeNeedsOneWaterTankerInService() {
        assertThat(vehicleChecks(LEVEL_TWO, List.of())).containsExactlyEntriesOf(
                Map.of("vehicles.level-two.water-tanker", false));
        assertThat(vehicleChecks(LEVEL_TWO, List.of(vehicle("WATER_TANKER", VehicleStatus.IN_SERVICE))))
                .containsExactlyEntriesOf(Map.of("vehicles.level-two.water-tanker", true));
    }

    @Test
    void theReducedStandardAsksForAFirefightingVehicleAndAPassedDrillThatYear() {
        BrigadeRef adapted = new BrigadeRef("gaoping-hexi", "LEVEL_TWO", Tier.REDUCED, 10);
        Drill passed2019 = new Drill("d1", "b", "c", LocalDate.of(2019, 9, 1), true, "", "f", Instant.EPOCH);
        Drill failed2019 = new Drill("d2", "b", "c", LocalDate.of(2019, 10, 1), false, "", "f", Instant.EPOCH);
        Inventory withoutDrill = new Inventory(List.of(vehicle("PUMPER", VehicleStatus.IN_SERVICE)), List.of(), List.of(),
                List.of(failed2019));
        Evaluation before = ComplianceEngine.evaluate(CATALOG, adapted, withoutDrill, 2019, AS_OF);
        assertThat(before.checks()).extracting(CheckResult::rule).containsExactly("reduced.vehicle", "reduced.readiness-drill");
        assertThat(before.compliant()).isFalse();
        Inventory withDrill = new Inventory(withoutDrill.vehicles(), List.of(), List.of(), List.of(failed2019, passed2019));
        assertThat(ComplianceEngine.evaluate(CATALOG, adapted, withDrill, 2019, AS_OF).compliant()).isTrue();
        assertThat(ComplianceEngine.evaluate(CATALOG, adapted, withDrill, 2020, AS_OF).compliant()).isFalse();
    }

    @Test
    void personalProtectiveEquipmentScalesWithHeadcountAndOnlyUsableItemsCount() {
        BrigadeRef twelve = new BrigadeRef("b", "LEVEL_TWO", Tier.FULL, 12);
        List<EquipmentItem> helmets = List.of(item("h1", "PPE_HELMET", 10, null), item("h2", "PPE_HELMET", 2,
                LocalDate.of(2019, 11, 1)));
        Map<String, CheckResult> checks = byRule(ComplianceEngine.evaluate(CATALOG, twelve,
                new Inventory(List.of(), helmets, List.of(), List.of()), 2019, AS_OF));
        assertThat(checks.get("ppe.helmet").met()).isFalse(); // 2 expired on 2019-11-01
        assertThat(checks.get("ppe.helmet").actual()).isEqualTo("10 usable");
        assertThat(checks.get("ppe.helmet").required()).contains("≥ 12").contains("1 per firefighter × 12");

        EquipmentCheck found = new EquipmentCheck("k", "b", "c", LocalDate.of(2019, 11, 10), "firedept",
                List.of(new ItemFinding("h1", Finding.PRESENT, 8, "2 cracked")), "", Instant.EPOCH);
        Inventory checked = new Inventory(List.of(), List.of(item("h1", "PPE_HELMET", 10, null)), List.of(found), List.of());
        assertThat(byRule(ComplianceEngine.evaluate(CATALOG, LEVEL_TWO, checked, 2019, AS_OF)).get("ppe.helmet").actual())
                .isEqualTo("8 usable");
        EquipmentCheck missing = new EquipmentCheck("k2", "b", "c", LocalDate.of(2019, 11, 12), "firedept",
                List.of(new ItemFinding("h1", Finding.MISSING, null, null)), "", Instant.EPOCH);
        Inventory gone = new Inventory(List.of(), checked.items(), List.of(found, missing), List.of());
        assertThat(byRule(ComplianceEngine.evaluate(CATALOG, LEVEL_TWO, gone, 2019, AS_OF)).get("ppe.helmet").actual())
                .isEqualTo("0 usable");
    }

    @Test
    void noHeadcountMeansTheCatalogsDefaultAndSaysSo() {
        BrigadeRef unknown = new BrigadeRef("b", "LEVEL_TWO", Tier.FULL, null);
        CheckResult helmet = byRule(ComplianceEngine.evaluate(CATALOG, unknown, Inventory.EMPTY, 2019, AS_OF))
                .get("ppe.helmet");
        assertThat(helmet.required()).contains("≥ 10").contains("assumed by the catalog");
    }

    @Test
    void aDeferredTownHasNoRulesAndEveryCheckNamesItsSource() {
        Evaluation deferred = ComplianceEngine.evaluate(CATALOG, new BrigadeRef("b", "LEVEL_TWO", null, null),
                Inventory.EMPTY, 2019, AS_OF);
        assertThat(deferred.checks()).isEmpty();
        Evaluation full = ComplianceEngine.evaluate(CATALOG, LEVEL_ONE, Inventory.EMPTY, 2019, AS_OF);
        assertThat(full.standard()).isEqualTo("jincheng-township-equipment@1");
        assertThat(full.checks()).allSatisfy(c -> {
            assertThat(c.source()).isNotBlank();
            assertThat(c.sourceStatus()).isNotNull();
        });
        assertThat(full.checks()).filteredOn(c -> c.rule().startsWith("floor."))
                .allMatch(c -> c.severity() == Severity.ADVISORY && c.sourceStatus().name().equals("EARLIER_STANDARD"));
    }

    // --- property: compliant exactly when every REQUIRED rule is met ---------------------------

    @Property(tries = 300)
    void compliantExactlyWhenEveryRequiredCheckIsMet(@ForAll("inventories") Inventory inventory,
            @ForAll("brigades") BrigadeRef brigade) {
        Evaluation e = ComplianceEngine.evaluate(CATALOG, brigade, inventory, 2019, AS_OF);
        boolean allRequiredMet = e.checks().stream().filter(c -> c.severity() == Severity.REQUIRED)
                .allMatch(CheckResult::met);
        assertThat(e.compliant()).isEqualTo(allRequiredMet);
        List<String> applicable = CATALOG.rules().stream().filter(r -> r.appliesTo(brigade.level(), brigade.tier()))
                .map(Rule::id).toList();
        assertThat(e.checks()).extracting(CheckResult::rule).containsExactlyElementsOf(applicable);
        long inService = inventory.vehicles().stream().filter(Vehicle::inService).count();
        e.checks().stream().filter(c -> c.rule().endsWith(".total"))
                .forEach(c -> assertThat(c.met()).isEqualTo(inService >= 2));
    }

    @Provide
    Arbitrary<BrigadeRef> brigades() {
        return Combinators.combine(Arbitraries.of("LEVEL_ONE", "LEVEL_TWO"), Arbitraries.of(Tier.FULL, Tier.REDUCED),
                Arbitraries.integers().between(0, 20).injectNull(0.2))
                .as((level, tier, headcount) -> new BrigadeRef("b", level, tier, headcount));
    }

    @Provide
    Arbitrary<Inventory> inventories() {
        Arbitrary<Vehicle> vehicles = Combinators.combine(
                Arbitraries.of(CATALOG.vehicleTypes()).map(t -> t.code()), Arbitraries.of(VehicleStatus.class))
                .as(ComplianceEngineTest::vehicle);
        Arbitrary<EquipmentItem> items = Combinators.combine(
                Arbitraries.of(CATALOG.items()).map(i -> i.code()), Arbitraries.integers().between(1, 30),
                Arbitraries.integers().between(-400, 400).injectNull(0.5), Arbitraries.strings().alpha().ofLength(6))
                .as((code, qty, days, id) -> item(id, code, qty, days == null ? null : AS_OF.plusDays(days)));
        Arbitrary<Drill> drills = Combinators.combine(Arbitraries.integers().between(2018, 2020),
                Arbitraries.of(true, false))
                .as((year, passed) -> new Drill("d", "b", "c", LocalDate.of(year, 6, 1), passed, "", "f", Instant.EPOCH));
        return Combinators.combine(vehicles.list().ofMaxSize(5), items.list().ofMaxSize(15), drills.list().ofMaxSize(3))
                .as((v, i, d) -> new Inventory(v, i, new ArrayList<>(), d));
    }

    private static Map<String, CheckResult> byRule(Evaluation e) {
        return e.checks().stream().collect(Collectors.toMap(CheckResult::rule, c -> c));
    }
}
