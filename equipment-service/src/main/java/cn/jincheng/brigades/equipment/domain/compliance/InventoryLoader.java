package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;

/**
 * Many brigades' inventories as the equipment rules read them on one day, with the holdings summed
 * by the store wherever no check's finding has to be applied to a holding of its own.
 */
public class InventoryLoader {

    private final InventorySource store;

    public InventoryLoader(InventorySource store) {
        this.store = store;
    }

    /**
     * The inventories of these brigades as the rules read them on {@code day}: the sums the store
     * made, less the holdings the latest check names, which are listed for the check to count.
     */
    public Map<String, Inventory> read(List<String> brigadeIds, LocalDate day) {
        Map<String, Inventory> records = store.records(brigadeIds);
        Set<String> checked = new HashSet<>();
        records.values().forEach(r -> checked.addAll(r.checkedItemIds(day)));
        Map<String, List<EquipmentItem>> listed = new HashMap<>();
        for (EquipmentItem item : checked.isEmpty() ? List.<EquipmentItem>of() : store.holdings(checked)) {
            listed.computeIfAbsent(item.brigadeId(), k -> new ArrayList<>()).add(item);
        }
        Map<String, Map<String, Integer>> sums = store.unexpiredQuantities(brigadeIds, day);
        Map<String, Inventory> result = new HashMap<>();
        for (String id : brigadeIds) {
            List<EquipmentItem> own = listed.getOrDefault(id, List.of());
            Map<String, Integer> counted = new HashMap<>(sums.getOrDefault(id, Map.of()));
            for (EquipmentItem item : own) {
                if (!item.expiredOn(day)) {
                    counted.merge(item.itemCode(), -item.quantity(), Integer::sum);
                }
            }
            result.put(id, records.getOrDefault(id, Inventory.EMPTY).withHoldings(own, counted));
        }
        return result;
    }

}
