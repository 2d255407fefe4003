package cn.jincheng.brigades.equipment.domain.catalog;

import cn.jincheng.brigades.common.domain.compliance.SourceStatus;

/**
 * A vehicle type of the catalog and its category, with where that classification comes from.
 * A type without a stated source is this product's classification (PRODUCT_DECISION).
 */
public record VehicleType(String code, String nameZh, String nameEn, VehicleCategory category, String source,
        SourceStatus sourceStatus) {

    public VehicleType {
        source = source == null ? "" : source;
        sourceStatus = sourceStatus == null ? SourceStatus.PRODUCT_DECISION : sourceStatus;
    }

    /** A type whose classification names no source: the product's own. */
    public VehicleType(String code, String nameZh, String nameEn, VehicleCategory category) {
        this(code, nameZh, nameEn, category, "", SourceStatus.PRODUCT_DECISION);
    }
}
