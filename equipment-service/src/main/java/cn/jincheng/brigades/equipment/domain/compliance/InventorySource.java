package cn.jincheng.brigades.equipment.domain.compliance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;

/** What the equipment rules read of the stored inventories, many brigades at a time. */
public interface InventorySource {

    /**
     * The vehicles, checks and drills of these brigades, without their equipment holdings, every
     * brigade present (empty when it has none), read with a few queries whatever their number.
     */
    Map<String, Inventory> records(Collection<String> brigadeIds);

    /** The holdings with these ids (those that exist). */
    List<EquipmentItem> holdings(Collection<String> itemIds);

    /**
     * For each of these brigades, the quantity of its holdings not expired on {@code day} (no
     * expiry date, or one on or after it), summed by item code; a brigade with none is absent.
     */
    Map<String, Map<String, Integer>> unexpiredQuantities(Collection<String> brigadeIds, LocalDate day);

    /** Holdings of a brigade (or, when {@code brigadeId} is null, of a county) that expire on or before {@code until}, soonest first. */
    List<EquipmentItem> expiringBy(String brigadeId, String countyId, LocalDate until);
}
