package cn.jincheng.brigades.station.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * A brigade's buildings.
 *
 * @param floorAreaM2 building floor area in m²
 * @param siteAreaM2  land (site) area in m²
 * @param garageBays  fire-engine garage bays
 * @param rooms       rooms present
 */
public record Housing(double floorAreaM2, double siteAreaM2, int garageBays, Set<Room> rooms) {

    public static final Housing NONE = new Housing(0, 0, 0, Set.of());

    public Housing {
        rooms = Set.copyOf(new TreeSet<>(rooms));
    }

    /** This housing with the patch's present fields applied. */
    public Housing apply(HousingPatch patch) {
        return new Housing(
                patch.floorAreaM2() != null ? patch.floorAreaM2() : floorAreaM2,
                patch.siteAreaM2() != null ? patch.siteAreaM2() : siteAreaM2,
                patch.garageBays() != null ? patch.garageBays() : garageBays,
                patch.rooms() != null ? patch.rooms() : rooms);
    }
}
