package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;

/** What the equipment rules read of the stored inventories, many brigades at a time. */
public interface InventorySource {

    /**
     * The inventories of these brigades, every one present (empty when it holds nothing), read
     * with a few queries whatever their number.
     */
    Map<String, Inventory> inventories(Collection<String> brigadeIds);

    /** Holdings of a brigade (or, when {@code brigadeId} is null, of a county) that expire on or before {@code until}, soonest first. */
    List<EquipmentItem> expiringBy(String brigadeId, String countyId, LocalDate until);
}
