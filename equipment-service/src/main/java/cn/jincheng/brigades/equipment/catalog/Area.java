package cn.jincheng.brigades.equipment.catalog;

/** Area of a compliance check. */
public enum Area {
    HOUSING, VEHICLES, EQUIPMENT, STAFFING, FUNDING, READINESS
}
