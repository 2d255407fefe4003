package cn.jincheng.brigades.equipment.domain.inventory;

public enum VehicleStatus {
    IN_SERVICE,
    OUT_OF_SERVICE
}
