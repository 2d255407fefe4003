package cn.jincheng.brigades.equipment.domain.inventory;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;

/** The checks every new vehicle and equipment holding passes, added by hand or imported from a file. */
final class InventoryRules {

    /** Chinese plates, e.g. 晋E·12345, 晋E12345, 晋E1234应急; plates are compared without separators. */
    private static final Pattern PLATE = Pattern.compile("^[\\p{IsHan}A-Z][A-Z0-9\\p{IsHan}·\\- ]{4,11}$");
    static final int MAX_QUANTITY = 100_000;

    private InventoryRules() {
    }

    static Validator vehicleChecks(Catalog catalog, String type, String plate) {
        return new Validator()
                .check(type != null && catalog.vehicleType(type).isPresent(), "type",
                        "is not a vehicle type of catalog " + catalog.reference())
                .check(plate != null && PLATE.matcher(plate).matches(), "plate",
                        "must be a Chinese vehicle plate such as 晋E·12345");
    }

    static Validator itemChecks(Catalog catalog, String itemCode, int quantity, LocalDate expiresOn) {
        return new Validator()
                .check(itemCode != null && catalog.item(itemCode).isPresent(), "itemCode",
                        "is not an item code of catalog " + catalog.reference())
                .check(quantity > 0 && quantity <= MAX_QUANTITY, "quantity", "must be between 1 and " + MAX_QUANTITY)
                .check(expiresOn == null || (expiresOn.getYear() >= 2000 && expiresOn.getYear() <= 2100), "expiresOn",
                        "must be a date between 2000 and 2100");
    }

    /** A plate as stored and compared: upper case, without spaces, dashes or the middle dot. */
    static String normalizePlate(String plate) {
        return plate == null ? null : plate.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "")
                .replace("·", "");
    }
}
