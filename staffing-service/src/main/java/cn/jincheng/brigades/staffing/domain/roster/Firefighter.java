package cn.jincheng.brigades.staffing.domain.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * A full-time firefighter of a brigade. Leaving sets the end date and keeps the record. No
 * national ID number is held: the roster needs none.
 */
public record Firefighter(String id, String brigadeId, String countyId, String name, Employment employment,
        LocalDate startDate, LocalDate endDate, List<Certification> certifications) {

    public Firefighter {
        certifications = certifications == null ? List.of() : List.copyOf(certifications);
    }

    /** Serving on that day: started on or before it, not yet left (the last day counts). */
    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
