package cn.jincheng.brigades.equipment.domain.compliance;

import cn.jincheng.brigades.equipment.domain.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.domain.inventory.Finding;

/**
 * An equipment holding as it counts today.
 *
 * @param usable      how many of it the equipment rules count today
 * @param lastFinding what the latest check found of it; null when no check named it
 */
public record Holding(EquipmentItem item, int usable, Finding lastFinding) {
}
