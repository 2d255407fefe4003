package cn.jincheng.brigades.equipment.domain.inventory;

/** A fire vehicle of a brigade. Plates are unique across the city. */
public record Vehicle(String id, String brigadeId, String countyId, String type, String plate, VehicleStatus status,
        long version) {

    public boolean inService() {
        return status == VehicleStatus.IN_SERVICE;
    }
}
