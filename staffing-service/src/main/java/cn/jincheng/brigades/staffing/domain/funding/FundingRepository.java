package cn.jincheng.brigades.staffing.domain.funding;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/** Where funding is kept: one record per brigade, year and source. Changes are stored with their audit entry. */
public interface FundingRepository {

    /** A brigade's funding, by year and source. */
    List<Funding> ofBrigade(String brigadeId);

    /** The funding of many brigades at once, by brigade; brigades without any are absent. */
    Map<String, List<Funding>> ofBrigades(Collection<String> brigadeIds);

    /** Sets the amount of the record's brigade, year and source (a repeat is harmless), with its audit entry. */
    void put(Funding funding, AuditEntry audit);
}
