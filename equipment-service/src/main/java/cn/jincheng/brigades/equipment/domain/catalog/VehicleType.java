package cn.jincheng.brigades.equipment.domain.catalog;

public record VehicleType(String code, String nameZh, String nameEn, VehicleCategory category) {
}
