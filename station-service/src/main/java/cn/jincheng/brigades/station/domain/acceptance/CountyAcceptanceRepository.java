package cn.jincheng.brigades.station.domain.acceptance;

import java.util.List;
import java.util.Optional;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/** Where the city's per-county acceptance records live; one per (year, county). */
public interface CountyAcceptanceRepository {

    Optional<CountyAcceptance> find(int year, String countyId);

    List<CountyAcceptance> findYear(int year);

    /**
     * Stores {@code after} with its audit entry in one write, if the stored version is still
     * {@code after.version() - 1} (none stored when that is 0). @return false when someone else wrote first
     */
    boolean save(CountyAcceptance after, AuditEntry audit);
}
