package cn.jincheng.brigades.equipment.domain.catalog;

public record ItemDefinition(String code, String nameZh, String nameEn, String kind, String unit) {
}
