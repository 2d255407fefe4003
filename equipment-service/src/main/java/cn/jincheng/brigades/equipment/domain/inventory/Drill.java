package cn.jincheng.brigades.equipment.domain.inventory;

import java.time.Instant;
import java.time.LocalDate;

/** A readiness drill (战备演练) of a brigade, passed or not. */
public record Drill(String id, String brigadeId, String countyId, LocalDate date, boolean passed, String notes,
        String recordedBy, Instant recordedAt) {
}
