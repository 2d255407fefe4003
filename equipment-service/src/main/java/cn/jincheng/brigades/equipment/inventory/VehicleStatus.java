package cn.jincheng.brigades.equipment.inventory;

public enum VehicleStatus {
    IN_SERVICE,
    OUT_OF_SERVICE
}
