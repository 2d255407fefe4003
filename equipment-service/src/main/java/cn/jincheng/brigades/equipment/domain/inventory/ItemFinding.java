package cn.jincheng.brigades.equipment.domain.inventory;

/** One item's finding in an equipment check; {@code workingQuantity} null means "all of it". */
public record ItemFinding(String itemId, Finding finding, Integer workingQuantity, String defect) {
}
