package cn.jincheng.brigades.equipment.catalog;

public record VehicleType(String code, String nameZh, String nameEn, VehicleCategory category) {
}
