package cn.jincheng.brigades.staffing.domain.roster;

import java.time.LocalDate;
import java.util.List;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/** The roster, kept by the brigade's county (or the city administrator). */
public class RosterService {

    private final RosterRepository store;
    private final BrigadeDirectory directory;
    private final TimeSource time;
    private final RecordIds ids;

    public RosterService(RosterRepository store, BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        this.store = store;
        this.directory = directory;
        this.time = time;
        this.ids = ids;
    }

    /** The brigade's roster on a day (null: the business today). */
    public Roster roster(Caller caller, String brigadeId, LocalDate asOf) {
        directory.countyOf(caller, brigadeId); // unknown: not found; another county's, for a clerk: denied
        return new Roster(asOf != null ? asOf : time.today(), store.roster(brigadeId));
    }

    public Firefighter add(Caller caller, String brigadeId, String name, Employment employment, LocalDate start,
            LocalDate end, List<Certification> certifications) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        String trimmed = name == null ? null : name.strip();
        Validator v = FirefighterChecks.forNew(trimmed, employment, start, end);
        for (int i = 0; i < certifications.size(); i++) {
            String at = "certifications[" + i + "]";
            v.notBlank(certifications.get(i).name(), at + ".name")
                    .maxLength(certifications.get(i).name(), FirefighterChecks.MAX_NAME, at + ".name");
            FirefighterChecks.plausible(v, certifications.get(i).expiresOn(), at + ".expiresOn");
        }
        v.throwIfInvalid();
        Firefighter f = new Firefighter(ids.next(), brigadeId, county, trimmed, employment, start, end,
                certifications);
        store.insert(f, AuditEntry.of(caller, time.now(), brigadeId, "firefighter.add", null,
                FirefighterChecks.view(f), FirefighterChecks.view(f)));
        return f;
    }

    /** Records that a firefighter left (null: on the business today); the record stays. A second departure is refused. */
    public Firefighter depart(Caller caller, String brigadeId, String firefighterId, LocalDate endDate) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        Firefighter f = store.find(brigadeId, firefighterId)
                .orElseThrow(() -> new NotFoundException("firefighter", brigadeId + "/" + firefighterId));
        LocalDate end = endDate != null ? endDate : time.today();
        if (f.endDate() != null) {
            throw new StateConflictException("firefighter '" + firefighterId + "' already left on " + f.endDate());
        }
        Validator v = new Validator();
        FirefighterChecks.plausible(v, end, "endDate");
        v.check(!end.isBefore(f.startDate()), "endDate", "must not be before the start date " + f.startDate());
        v.throwIfInvalid();
        Firefighter left = new Firefighter(f.id(), f.brigadeId(), f.countyId(), f.name(), f.employment(), f.startDate(),
                end, f.certifications());
        AuditEntry audit = AuditEntry.of(caller, time.now(), brigadeId, "firefighter.depart", FirefighterChecks.view(f),
                FirefighterChecks.view(left), new AuditView("firefighterId", firefighterId).append("endDate", end.toString()));
        if (!store.recordDeparture(f, end, audit)) {
            throw new StateConflictException("firefighter '" + firefighterId + "' already left");
        }
        return left;
    }
}
