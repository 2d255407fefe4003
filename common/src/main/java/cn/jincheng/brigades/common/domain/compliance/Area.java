package cn.jincheng.brigades.common.domain.compliance;

/** Area of a compliance check. */
public enum Area {
    HOUSING, VEHICLES, EQUIPMENT, STAFFING, FUNDING, READINESS
}
