package cn.jincheng.brigades.staffing.domain.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/** Where firefighters are kept, by brigade. Every change is stored together with its audit entry. */
public interface RosterRepository {

    /** Every firefighter the brigade has had, leavers too, by start date. */
    List<Firefighter> roster(String brigadeId);

    /** The rosters of many brigades at once, by brigade; brigades without firefighters are absent. */
    Map<String, List<Firefighter>> rosters(Collection<String> brigadeIds);

    Optional<Firefighter> find(String brigadeId, String firefighterId);

    void insert(Firefighter firefighter, AuditEntry audit);

    /**
     * Sets the end date, only if none is set yet: two departures recorded at once cannot both win.
     *
     * @return false when the firefighter had already left (nothing was written)
     */
    boolean recordDeparture(Firefighter firefighter, LocalDate endDate, AuditEntry audit);

    /**
     * Stores an import's firefighters with its audit entries, all or none even across a crash.
     *
     * @return the import's id
     */
    String importAll(String actor, List<Firefighter> firefighters, List<AuditEntry> entries, Instant at);
}
