package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.Rule;
import cn.jincheng.brigades.equipment.domain.catalog.VehicleType;
import cn.jincheng.brigades.equipment.domain.inventory.Vehicle;

/**
 * The equipment rules applied to one brigade: pure, so it is tested on any inventory. A brigade
 * is compliant exactly when every rule that applies to its level and tier and is REQUIRED in effect
 * ({@link Rule#effectiveSeverity()}) is met; an OUT_OF_SERVICE vehicle and an expired or failed item
 * do not count.
 */
public final class ComplianceEngine {

    private ComplianceEngine() {
    }

    public static Evaluation evaluate(Catalog catalog, BrigadeRef brigade, Inventory inventory, int year,
            LocalDate asOf) {
        List<CheckResult> checks = new ArrayList<>();
        if (brigade.tier() != null) {
            int headcount = brigade.headcount() != null ? brigade.headcount() : catalog.defaultHeadcount();
            boolean assumed = brigade.headcount() == null;
            Map<String, Integer> usable = inventory.usableByCode(asOf);
            Map<String, VehicleType> types = catalog.vehicleTypesByCode();
            for (Rule rule : catalog.rules()) {
                if (rule.appliesTo(brigade.level(), brigade.tier())) {
                    checks.add(check(rule, catalog, types, inventory, usable, headcount, assumed, year));
                }
            }
        }
        boolean compliant = checks.stream().filter(c -> c.severity() == Severity.REQUIRED).allMatch(CheckResult::met);
        return new Evaluation(brigade.brigadeId(), catalog.reference(), compliant, checks);
    }

    private static CheckResult check(Rule rule, Catalog catalog, Map<String, VehicleType> types, Inventory inventory,
            Map<String, Integer> usable, int headcount, boolean assumedHeadcount, int year) {
        int minimum = rule.minimumFor(headcount);
        long actual;
        String required;
        String found;
        switch (rule.kind()) {
            case VEHICLE_COUNT -> {
                actual = inventory.vehicles().stream().filter(Vehicle::inService)
                        .filter(v -> counts(rule, types.get(v.type()), v)).count();
                required = bounds(minimum, rule.max()) + " in service" + vehicleFilter(rule, types);
                found = actual + " in service";
            }
            case EQUIPMENT_QUANTITY -> {
                actual = usable.getOrDefault(rule.itemCode(), 0);
                String name = catalog.item(rule.itemCode()).map(i -> i.nameZh() + " " + i.code()).orElse(rule.itemCode());
                required = bounds(minimum, rule.max()) + " usable " + name + perPerson(rule, headcount, assumedHeadcount);
                found = actual + " usable";
            }
            case DRILL_PASSED -> {
                actual = inventory.passedDrillsIn(year);
                required = bounds(minimum, rule.max()) + " passed readiness drill(s) in " + year;
                found = actual + " passed in " + year;
            }
            default -> throw new IllegalStateException("unknown rule kind " + rule.kind());
        }
        boolean met = actual >= minimum && (rule.max() == null || actual <= rule.max());
        return new CheckResult(rule.id(), rule.area(), rule.effectiveSeverity(), required, found, met, rule.source(),
                rule.sourceStatus(), rule.promotionReason());
    }

    private static boolean counts(Rule rule, VehicleType type, Vehicle vehicle) {
        if (rule.excludedVehicleTypes().contains(vehicle.type())) {
            return false;
        }
        if (!rule.vehicleTypes().isEmpty() && rule.vehicleTypes().contains(vehicle.type())) {
            return true;
        }
        if (!rule.vehicleCategories().isEmpty() && type != null && rule.vehicleCategories().contains(type.category())) {
            return true;
        }
        return rule.vehicleTypes().isEmpty() && rule.vehicleCategories().isEmpty();
    }

    private static String bounds(int minimum, Integer max) {
        return max == null ? "≥ " + minimum : minimum + "–" + max;
    }

    private static String vehicleFilter(Rule rule, Map<String, VehicleType> types) {
        List<String> parts = new ArrayList<>();
        rule.vehicleTypes().forEach(t -> parts.add(types.containsKey(t) ? types.get(t).nameZh() + " " + t : t));
        rule.vehicleCategories().forEach(c -> parts.add(c.name()));
        String excluded = rule.excludedVehicleTypes().isEmpty() ? ""
                : " (not " + String.join(", ", rule.excludedVehicleTypes().stream()
                        .map(t -> types.containsKey(t) ? types.get(t).nameZh() + " " + t : t).toList()) + ")";
        return parts.isEmpty() ? excluded : ": " + String.join(" or ", parts) + excluded;
    }

    private static String perPerson(Rule rule, int headcount, boolean assumed) {
        if (rule.perFirefighter() == 0) {
            return "";
        }
        return " (" + rule.perFirefighter() + " per firefighter × " + headcount
                + (assumed ? " firefighters assumed by the catalog" : " firefighters") + ")";
    }
}
