package cn.jincheng.brigades.equipment.compliance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jincheng.brigades.equipment.inventory.Drill;
import cn.jincheng.brigades.equipment.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.inventory.Finding;
import cn.jincheng.brigades.equipment.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.inventory.Vehicle;

/** Everything the equipment rules look at for one brigade. */
public record Inventory(List<Vehicle> vehicles, List<EquipmentItem> items, List<EquipmentCheck> checks,
        List<Drill> drills) {

    public static final Inventory EMPTY = new Inventory(List.of(), List.of(), List.of(), List.of());

    public Inventory {
        vehicles = List.copyOf(vehicles);
        items = List.copyOf(items);
        checks = List.copyOf(checks);
        drills = List.copyOf(drills);
    }

    /** The latest check on or before {@code asOf}: the fire department's last word. */
    public Optional<EquipmentCheck> latestCheck(LocalDate asOf) {
        return checks.stream().filter(c -> !c.date().isAfter(asOf))
                .max(Comparator.comparing(EquipmentCheck::date).thenComparing(EquipmentCheck::recordedAt));
    }

    /**
     * How many of an item count on {@code asOf}: an expired holding counts nothing; a holding the
     * latest check found defective, expired or missing counts nothing; a present one counts its
     * working quantity (all of it unless the check said otherwise).
     */
    public int usable(EquipmentItem item, LocalDate asOf) {
        if (item.expiredOn(asOf)) {
            return 0;
        }
        Optional<ItemFinding> finding = latestCheck(asOf).flatMap(c -> c.findingFor(item.id()));
        if (finding.isEmpty()) {
            return item.quantity();
        }
        if (finding.get().finding() != Finding.PRESENT) {
            return 0;
        }
        Integer working = finding.get().workingQuantity();
        return working == null ? item.quantity() : Math.min(working, item.quantity());
    }

    public Map<String, Integer> usableByCode(LocalDate asOf) {
        Map<String, Integer> byCode = new HashMap<>();
        for (EquipmentItem item : items) {
            byCode.merge(item.itemCode(), usable(item, asOf), Integer::sum);
        }
        return byCode;
    }

    public long passedDrillsIn(int year) {
        return drills.stream().filter(d -> d.passed() && d.date().getYear() == year).count();
    }
}
