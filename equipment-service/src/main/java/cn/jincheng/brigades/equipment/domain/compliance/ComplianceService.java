package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;

/**
 * The equipment area's compliance for many brigades: the caller's right to see them is checked a
 * chunk at a time, and inventories are loaded {@value #LOADED} brigades at a time with one query per
 * collection, evaluated, and handed on one by one, so memory does not grow with the number of
 * brigades and no brigade costs a call of its own.
 * <p>
 * Holdings are not read one by one: the database sums, per brigade and item code, the quantities
 * not expired on the evaluation day, and only the holdings the latest check names are read, for
 * the check's finding to decide what of them counts. A report used to stream every holding of the
 * city through here and through the store's encoder; a brigade has about a hundred holdings and
 * some forty item codes.
 */
public class ComplianceService {

    public static final int MAX_BRIGADES = 5000;
    /** How far ahead expiring items are listed when the caller does not say. */
    public static final int DEFAULT_WITHIN_DAYS = 30;
    static final int CHUNK = 500;
    static final int LOADED = 250;

    private final InventorySource store;
    private final InventoryLoader loader;
    private final CatalogService catalogs;
    private final BrigadeDirectory directory;
    private final TimeSource time;

    public ComplianceService(InventorySource store, CatalogService catalogs, BrigadeDirectory directory,
            TimeSource time) {
        this.store = store;
        this.loader = new InventoryLoader(store);
        this.catalogs = catalogs;
        this.directory = directory;
        this.time = time;
    }

    public void evaluate(Caller caller, List<BrigadeRef> brigades, int year, LocalDate asOf, Integer catalogVersion,
            Consumer<Evaluation> out) {
        Validator v = new Validator()
                .check(brigades.size() <= MAX_BRIGADES, "brigades", "at most " + MAX_BRIGADES + " per call")
                .range(year, 2000, 2100, "year");
        for (int i = 0; i < brigades.size(); i++) {
            BrigadeRef b = brigades.get(i);
            v.check(b.level() != null && (b.level().equals("LEVEL_ONE") || b.level().equals("LEVEL_TWO")),
                    "brigades[" + i + "].level", "must be LEVEL_ONE or LEVEL_TWO");
            v.check(b.headcount() == null || (b.headcount() >= 0 && b.headcount() <= 1000),
                    "brigades[" + i + "].headcount", "must be between 0 and 1000");
        }
        v.throwIfInvalid();
        Catalog catalog = catalogs.version(catalogVersion);
        LocalDate day = asOf != null ? asOf : time.dayWithin(year);
        for (int from = 0; from < brigades.size(); from += CHUNK) {
            List<BrigadeRef> chunk = brigades.subList(from, Math.min(brigades.size(), from + CHUNK));
            List<String> ids = chunk.stream().map(BrigadeRef::brigadeId).toList();
            Map<String, String> visible = directory.countiesOf(caller, ids);
            for (String id : ids) {
                if (!visible.containsKey(id)) {
                    throw new AccessDeniedException("brigade '" + id + "' is unknown or outside the caller's county");
                }
            }
            for (int at = 0; at < chunk.size(); at += LOADED) {
                List<BrigadeRef> loaded = chunk.subList(at, Math.min(chunk.size(), at + LOADED));
                Map<String, Inventory> inventories = loader.read(loaded.stream().map(BrigadeRef::brigadeId).toList(), day);
                for (BrigadeRef ref : loaded) {
                    out.accept(ComplianceEngine.evaluate(catalog, ref, inventories.get(ref.brigadeId()), year, day));
                }
            }
        }
    }

    /**
     * Items that expire within {@code within} days (null: {@value #DEFAULT_WITHIN_DAYS}) of {@code asOf}
     * (null: today), or already have, for a brigade or a county.
     */
    public List<Expiring> expiring(Caller caller, String brigadeId, String countyId, LocalDate asOf,
            Integer within) {
        int withinDays = within == null ? DEFAULT_WITHIN_DAYS : within;
        Validator v = new Validator()
                .check((brigadeId == null) != (countyId == null), "brigade", "name a brigade or a county")
                .range(withinDays, 0, 3650, "withinDays");
        v.throwIfInvalid();
        if (brigadeId != null) {
            directory.countyOf(caller, brigadeId);
        } else {
            AccessPolicy.requireRead(caller, countyId);
        }
        LocalDate day = asOf != null ? asOf : time.today();
        Catalog catalog = catalogs.inForce();
        List<Expiring> result = new ArrayList<>();
        for (EquipmentItem item : store.expiringBy(brigadeId, countyId, day.plusDays(withinDays))) {
            result.add(new Expiring(item, catalog.item(item.itemCode()).map(i -> i.nameZh()).orElse(item.itemCode()),
                    ChronoUnit.DAYS.between(day, item.expiresOn())));
        }
        return result;
    }

    /** An item near or past its expiry date. */
    public record Expiring(EquipmentItem item, String nameZh, long daysLeft) {
    }
}
