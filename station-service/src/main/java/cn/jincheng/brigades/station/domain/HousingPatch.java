package cn.jincheng.brigades.station.domain;

import java.util.Set;

import cn.jincheng.brigades.common.domain.errors.Validator;

/** The housing fields a caller wants changed; null means "leave as is". */
public record HousingPatch(Double floorAreaM2, Double siteAreaM2, Integer garageBays, Set<Room> rooms) {

    /** Larger than any township station could be: catches unit mistakes (e.g. cm² for m²). */
    public static final double MAX_AREA_M2 = 100_000;
    public static final int MAX_GARAGE_BAYS = 50;

    public void validate(Validator v) {
        if (floorAreaM2 != null) {
            v.range(floorAreaM2, 0, MAX_AREA_M2, "housing.floorAreaM2");
        }
        if (siteAreaM2 != null) {
            v.range(siteAreaM2, 0, MAX_AREA_M2, "housing.siteAreaM2");
        }
        if (garageBays != null) {
            v.range(garageBays, 0, MAX_GARAGE_BAYS, "housing.garageBays");
        }
    }

    public boolean isEmpty() {
        return floorAreaM2 == null && siteAreaM2 == null && garageBays == null && rooms == null;
    }
}
