package cn.jincheng.brigades.equipment.domain.inventory;

import java.time.LocalDate;
import java.util.List;

/** A holding of one catalog item: how many, until when, which serial numbers. */
public record EquipmentItem(String id, String brigadeId, String countyId, String itemCode, int quantity,
        LocalDate expiresOn, List<String> serialNumbers, long version) {

    public EquipmentItem {
        serialNumbers = serialNumbers == null ? List.of() : List.copyOf(serialNumbers);
    }

    public boolean expiredOn(LocalDate date) {
        return expiresOn != null && expiresOn.isBefore(date);
    }
}
