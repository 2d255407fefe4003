package cn.jincheng.brigades.equipment.domain.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.jincheng.brigades.common.domain.compliance.RuleStanding;
import cn.jincheng.brigades.common.domain.errors.Validator;

/**
 * Refuses a catalog that contradicts itself, with the reason per field: duplicate codes or rule
 * ids, a rule for an unknown level, vehicle type or item code, a minimum above the maximum, a rule
 * with nothing to count, a rule without its source, and a REQUIRED rule whose source is neither the
 * plan nor a verified standard unless the city administrator gives the reason for promoting it.
 */
public final class CatalogValidator {

    static final Set<String> LEVELS = Set.of("LEVEL_ONE", "LEVEL_TWO");

    private CatalogValidator() {
    }

    public static void validate(Catalog c) {
        Validator v = new Validator();
        v.check(c.defaultHeadcount() >= 0 && c.defaultHeadcount() <= 1000, "defaultHeadcount",
                "must be between 0 and 1000");
        Set<String> typeCodes = unique(c.vehicleTypes().stream().map(VehicleType::code).toList(), "vehicleTypes", v);
        Set<String> itemCodes = unique(c.items().stream().map(ItemDefinition::code).toList(), "items", v);
        for (int i = 0; i < c.vehicleTypes().size(); i++) {
            VehicleType t = c.vehicleTypes().get(i);
            v.notBlank(t.nameZh(), "vehicleTypes[" + i + "].nameZh");
            v.check(t.category() != null, "vehicleTypes[" + i + "].category", "is required");
            v.maxLength(t.source(), 2000, "vehicleTypes[" + i + "].source");
        }
        for (int i = 0; i < c.items().size(); i++) {
            v.notBlank(c.items().get(i).nameZh(), "items[" + i + "].nameZh");
        }
        unique(c.rules().stream().map(Rule::id).toList(), "rules", v);
        for (int i = 0; i < c.rules().size(); i++) {
            rule(c.rules().get(i), "rules[" + i + "]", typeCodes, itemCodes, v);
        }
        v.throwIfInvalid();
    }

    private static void rule(Rule r, String at, Set<String> typeCodes, Set<String> itemCodes, Validator v) {
        v.notBlank(r.id(), at + ".id");
        v.check(r.area() != null, at + ".area", "is required");
        v.check(r.severity() != null, at + ".severity", "is required");
        v.check(r.kind() != null, at + ".kind", "is required");
        v.notBlank(r.source(), at + ".source");
        v.check(r.sourceStatus() != null, at + ".sourceStatus",
                "is required: PLAN, STANDARD_VERIFIED, REFERENCE, EARLIER_STANDARD or PRODUCT_DECISION");
        v.check(!RuleStanding.needsPromotion(r.severity(), r.sourceStatus()) || RuleStanding.promoted(r.promotionReason()),
                at + ".promotionReason", RuleStanding.refusal(r.sourceStatus()));
        v.maxLength(r.promotionReason(), RuleStanding.MAX_REASON, at + ".promotionReason");
        v.check(!r.levels().isEmpty(), at + ".levels", "name at least one level");
        r.levels().forEach(l -> v.check(LEVELS.contains(l), at + ".levels", "unknown level " + l));
        v.check(!r.tiers().isEmpty(), at + ".tiers", "name at least one of FULL, REDUCED");
        v.check(r.min() >= 0 && r.perFirefighter() >= 0, at + ".min", "minimums must not be negative");
        v.check(r.max() == null || r.max() >= r.min(), at + ".max", "the maximum is below the minimum");
        v.check(r.max() == null || r.perFirefighter() == 0, at + ".max",
                "a maximum with a per-firefighter minimum can contradict itself; give one or the other");
        if (r.kind() == RuleKind.VEHICLE_COUNT) {
            r.vehicleTypes().forEach(t -> v.check(typeCodes.contains(t), at + ".vehicleTypes", "unknown vehicle type " + t));
            r.excludedVehicleTypes().forEach(t -> v.check(typeCodes.contains(t), at + ".excludedVehicleTypes",
                    "unknown vehicle type " + t));
            v.check(r.itemCode() == null || r.itemCode().isEmpty(), at + ".itemCode", "a vehicle rule counts no item");
        } else if (r.kind() == RuleKind.EQUIPMENT_QUANTITY) {
            v.check(r.itemCode() != null && itemCodes.contains(r.itemCode()), at + ".itemCode",
                    "must be an item code of this catalog");
            v.check(r.min() > 0 || r.perFirefighter() > 0, at + ".min", "an equipment rule must ask for something");
        } else if (r.kind() == RuleKind.DRILL_PASSED) {
            v.check(r.min() >= 1, at + ".min", "a drill rule asks for at least 1 passed drill");
        }
    }

    private static Set<String> unique(List<String> codes, String field, Validator v) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            v.check(code != null && !code.isBlank(), field, "every entry needs a code");
            v.check(code == null || seen.add(code), field, "duplicate " + code);
        }
        return seen;
    }
}
