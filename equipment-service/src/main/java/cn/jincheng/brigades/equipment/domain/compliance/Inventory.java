package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jincheng.brigades.equipment.domain.inventory.Drill;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.Finding;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;

/**
 * Everything the equipment rules look at for one brigade.
 *
 * @param items   holdings, each counted by the rules below
 * @param counted holdings already counted for one evaluation day, usable quantity by item code: a
 *                report has the database sum the holdings that need no rule of their own that day
 *                (not expired, not named by the latest check) rather than read each of them
 */
public record Inventory(List<Vehicle> vehicles, List<EquipmentItem> items, Map<String, Integer> counted,
        List<EquipmentCheck> checks, List<Drill> drills) {

    public static final Inventory EMPTY = new Inventory(List.of(), List.of(), List.of(), List.of());

    public Inventory {
        vehicles = List.copyOf(vehicles);
        items = List.copyOf(items);
        counted = Map.copyOf(counted);
        checks = List.copyOf(checks);
        drills = List.copyOf(drills);
    }

    /** An inventory with every holding listed. */
    public Inventory(List<Vehicle> vehicles, List<EquipmentItem> items, List<EquipmentCheck> checks, List<Drill> drills) {
        this(vehicles, items, Map.of(), checks, drills);
    }

    /** This inventory's vehicles, checks and drills with these holdings. */
    public Inventory withHoldings(List<EquipmentItem> listed, Map<String, Integer> alreadyCounted) {
        return new Inventory(vehicles, listed, alreadyCounted, checks, drills);
    }

    /** The ids of the holdings the latest check on or before {@code asOf} has a finding for. */
    public Set<String> checkedItemIds(LocalDate asOf) {
        return latestCheck(asOf).map(Inventory::findingsByItem).map(Map::keySet).orElse(Set.of());
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
        return usable(item, asOf, latestCheck(asOf).map(Inventory::findingsByItem).orElse(Map.of()));
    }

    /** Usable quantities by item code; the latest check is found, and its findings indexed, once. */
    public Map<String, Integer> usableByCode(LocalDate asOf) {
        Map<String, ItemFinding> findings = latestCheck(asOf).map(Inventory::findingsByItem).orElse(Map.of());
        Map<String, Integer> byCode = new HashMap<>(counted);
        for (EquipmentItem item : items) {
            byCode.merge(item.itemCode(), usable(item, asOf, findings), Integer::sum);
        }
        return byCode;
    }

    private static int usable(EquipmentItem item, LocalDate asOf, Map<String, ItemFinding> findings) {
        if (item.expiredOn(asOf)) {
            return 0;
        }
        ItemFinding finding = findings.get(item.id());
        if (finding == null) {
            return item.quantity();
        }
        if (finding.finding() != Finding.PRESENT) {
            return 0;
        }
        Integer working = finding.workingQuantity();
        return working == null ? item.quantity() : Math.min(working, item.quantity());
    }

    /** A check's findings by item; the first finding for an item wins, as {@code findingFor} reads them. */
    private static Map<String, ItemFinding> findingsByItem(EquipmentCheck check) {
        Map<String, ItemFinding> byItem = new HashMap<>();
        for (ItemFinding f : check.findings()) {
            byItem.putIfAbsent(f.itemId(), f);
        }
        return byItem;
    }

    public long passedDrillsIn(int year) {
        return drills.stream().filter(d -> d.passed() && d.date().getYear() == year).count();
    }
}
