package cn.jincheng.brigades.equipment.domain.catalog;

/** What a rule counts. */
public enum RuleKind {
    VEHICLE_COUNT, EQUIPMENT_QUANTITY, DRILL_PASSED
}
