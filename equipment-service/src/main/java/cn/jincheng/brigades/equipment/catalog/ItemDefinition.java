package cn.jincheng.brigades.equipment.catalog;

public record ItemDefinition(String code, String nameZh, String nameEn, String kind, String unit) {
}
