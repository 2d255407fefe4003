package cn.jincheng.brigades.equipment.domain.inventory;

/** What the fire department found of one item on site. */
public enum Finding {
    PRESENT,
    DEFECTIVE,
    EXPIRED,
    MISSING
}
