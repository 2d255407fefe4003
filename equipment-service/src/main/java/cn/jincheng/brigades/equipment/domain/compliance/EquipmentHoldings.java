package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.FireDepartmentRecords;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryService;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;

/**
 * A brigade's equipment as the clerk sees it: each holding with what counts of it today, by the
 * same reading of expiry dates and the fire department's latest check as the compliance rules.
 */
public class EquipmentHoldings {

    private final InventoryService inventory;
    private final FireDepartmentRecords records;
    private final TimeSource time;

    public EquipmentHoldings(InventoryService inventory, FireDepartmentRecords records, TimeSource time) {
        this.inventory = inventory;
        this.records = records;
        this.time = time;
    }

    public List<Holding> list(Caller caller, String brigadeId) {
        List<EquipmentItem> items = inventory.equipment(caller, brigadeId);
        List<EquipmentCheck> checks = records.checks(caller, brigadeId);
        Inventory held = new Inventory(List.of(), items, checks, List.of());
        LocalDate today = time.today();
        Optional<EquipmentCheck> latest = held.latestCheck(today);
        List<Holding> result = new ArrayList<>();
        for (EquipmentItem item : items) {
            result.add(new Holding(item, held.usable(item, today),
                    latest.flatMap(c -> c.findingFor(item.id())).map(ItemFinding::finding).orElse(null)));
        }
        return result;
    }

    /** A new holding: no check has seen it yet, so all of it counts unless it has expired already. */
    public Holding add(Caller caller, String brigadeId, String itemCode, int quantity, LocalDate expiresOn,
            List<String> serialNumbers) {
        EquipmentItem item = inventory.addEquipment(caller, brigadeId, itemCode, quantity, expiresOn, serialNumbers);
        return new Holding(item, item.expiredOn(time.today()) ? 0 : item.quantity(), null);
    }
}
