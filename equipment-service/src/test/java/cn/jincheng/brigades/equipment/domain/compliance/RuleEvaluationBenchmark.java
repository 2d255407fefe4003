package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.Tier;
import cn.jincheng.brigades.equipment.domain.inventory.Drill;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.Finding;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;
import cn.jincheng.brigades.equipment.domain.inventory.VehicleStatus;

/**
 * The cost of evaluating one brigade against the shipped catalog, as the report does 40,000 times:
 * a level-one brigade with its vehicles, {@code items} holdings (a tenth of them expired) and a
 * fire department check that found some of them defective. Run by {@code bench/rules.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleEvaluationBenchmark {

    private static final String[] CODES = {"PPE_HELMET", "PPE_SUIT", "PPE_GLOVES", "PPE_SAFETY_BELT", "PPE_BOOTS", "SCBA",
        "PORTABLE_PUMP", "BRANCH_PIPE", "HYDRANT_WRENCH", "FIRE_HOSE", "CHAINSAW", "FIRE_AXE", "EXTINGUISHER", "RESCUE_ROPE"};

    @Param({"10", "100", "1000"})
    public int items;

    private Catalog catalog;
    private BrigadeRef brigade;
    private Inventory inventory;
    private final LocalDate asOf = LocalDate.of(2019, 12, 31);

    @Setup
    public void setUp() {
        catalog = SeedCatalog.load();
        brigade = new BrigadeRef("syn-000000", "LEVEL_ONE", Tier.FULL, 10);
        Instant at = Instant.parse("2019-11-01T00:00:00Z");
        List<EquipmentItem> holdings = new ArrayList<>();
        List<ItemFinding> findings = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            LocalDate expires = i % 10 == 9 ? LocalDate.of(2018, 12, 31) : LocalDate.of(2030, 6, 30);
            holdings.add(new EquipmentItem("item-" + i, brigade.brigadeId(), "zezhou", CODES[i % CODES.length], 1 + i % 12,
                    expires, List.of(), 1));
            if (i % 7 == 0) {
                findings.add(new ItemFinding("item-" + i, i % 14 == 0 ? Finding.DEFECTIVE : Finding.PRESENT, null, null));
            }
        }
        inventory = new Inventory(
                List.of(new Vehicle("v1", brigade.brigadeId(), "zezhou", "WATER_TANKER", "晋E·000001", VehicleStatus.IN_SERVICE, 1),
                        new Vehicle("v2", brigade.brigadeId(), "zezhou", "RESCUE", "晋E·000002", VehicleStatus.IN_SERVICE, 1)),
                holdings,
                List.of(new EquipmentCheck("c1", brigade.brigadeId(), "zezhou", LocalDate.of(2019, 11, 1), "inspector",
                        findings, "", at)),
                List.of(new Drill("d1", brigade.brigadeId(), "zezhou", LocalDate.of(2019, 10, 1), true, "", "officer", at)));
    }

    @Benchmark
    public Evaluation evaluateOneBrigade() {
        return ComplianceEngine.evaluate(catalog, brigade, inventory, 2019, asOf);
    }
}
