package cn.jincheng.brigades.equipment.domain.catalog;

/**
 * Category of a fire vehicle: firefighting (灭火), special service (专勤), aerial (举高), support
 * (保障). The grouping is the product's; each vehicle type names the source of its classification.
 */
public enum VehicleCategory {
    FIREFIGHTING, SPECIAL_SERVICE, AERIAL, SUPPORT
}
