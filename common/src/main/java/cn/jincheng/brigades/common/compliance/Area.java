package cn.jincheng.brigades.common.compliance;

/** Area of a compliance check. */
public enum Area {
    HOUSING, VEHICLES, EQUIPMENT, STAFFING, FUNDING, READINESS
}
