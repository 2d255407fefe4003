package cn.jincheng.brigades.equipment.domain.catalog;

/** Category of a fire vehicle (GB 7956 families). */
public enum VehicleCategory {
    FIREFIGHTING, SPECIAL_SERVICE, AERIAL, SUPPORT
}
