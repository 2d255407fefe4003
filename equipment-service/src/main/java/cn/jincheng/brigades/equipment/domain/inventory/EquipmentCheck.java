package cn.jincheng.brigades.equipment.domain.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The fire department's on-site check of a brigade's equipment. Recorded, never edited. */
public record EquipmentCheck(String id, String brigadeId, String countyId, LocalDate date, String inspector,
        List<ItemFinding> findings, String notes, Instant recordedAt) {

    public EquipmentCheck {
        findings = List.copyOf(findings);
    }

    public Optional<ItemFinding> findingFor(String itemId) {
        return findings.stream().filter(f -> f.itemId().equals(itemId)).findFirst();
    }
}
