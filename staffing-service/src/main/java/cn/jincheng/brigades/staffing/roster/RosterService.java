package cn.jincheng.brigades.staffing.roster;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.domain.audit.AuditView;

import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.grpc.client.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.staffing.persistence.StaffingStore;

/** The roster, kept by the brigade's county (or the city administrator). */
@Service
public class RosterService {

    public static final int MAX_NAME = 200;

    private final StaffingStore store;
    private final BrigadeDirectory directory;
    private final TimeSource time;
    private final RecordIds ids;

    public RosterService(StaffingStore store, BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        this.ids = ids;
        this.store = store;
        this.directory = directory;
        this.time = time;
    }

    public List<Firefighter> roster(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId);
        return store.roster(brigadeId);
    }

    public Firefighter add(Caller caller, String brigadeId, String name, Employment employment, LocalDate start,
            LocalDate end, List<Certification> certifications) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        String trimmed = name == null ? null : name.strip();
        Validator v = firefighterChecks(trimmed, employment, start, end);
        for (int i = 0; i < certifications.size(); i++) {
            v.notBlank(certifications.get(i).name(), "certifications[" + i + "].name")
                    .maxLength(certifications.get(i).name(), MAX_NAME, "certifications[" + i + "].name");
            plausible(v, certifications.get(i).expiresOn(), "certifications[" + i + "].expiresOn");
        }
        v.throwIfInvalid();
        Firefighter f = new Firefighter(ids.next(), brigadeId, county, trimmed, employment, start, end,
                certifications);
        store.insert(f, AuditEntry.of(caller, time.now(), brigadeId, "firefighter.add", null, view(f), view(f)));
        return f;
    }

    /** Records that a firefighter left; the record stays. A second departure is refused. */
    public Firefighter depart(Caller caller, String brigadeId, String firefighterId, LocalDate endDate) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        Firefighter f = store.firefighter(brigadeId, firefighterId)
                .orElseThrow(() -> new NotFoundException("firefighter", brigadeId + "/" + firefighterId));
        LocalDate end = endDate != null ? endDate : time.today();
        if (f.endDate() != null) {
            throw new StateConflictException("firefighter '" + firefighterId + "' already left on " + f.endDate());
        }
        Validator v = new Validator();
        plausible(v, end, "endDate");
        v.check(!end.isBefore(f.startDate()), "endDate", "must not be before the start date " + f.startDate());
        v.throwIfInvalid();
        Firefighter left = new Firefighter(f.id(), f.brigadeId(), f.countyId(), f.name(), f.employment(), f.startDate(),
                end, f.certifications());
        if (!store.recordDeparture(f, end, AuditEntry.of(caller, time.now(), brigadeId, "firefighter.depart", view(f),
                view(left), new AuditView("firefighterId", firefighterId).append("endDate", end.toString())))) {
            throw new StateConflictException("firefighter '" + firefighterId + "' already left");
        }
        return left;
    }

    /** The checks every new firefighter passes, added by hand or imported. */
    static Validator firefighterChecks(String name, Employment employment, LocalDate start, LocalDate end) {
        Validator v = new Validator().notBlank(name, "name").maxLength(name, MAX_NAME, "name")
                .check(employment != null, "employment", "must be LABOUR_DISPATCH, CONTRACT or CAREER")
                .check(start != null, "startDate", "is required");
        plausible(v, start, "startDate");
        plausible(v, end, "endDate");
        return v.check(start == null || end == null || !end.isBefore(start), "endDate",
                "must not be before the start date");
    }

    static AuditView view(Firefighter f) {
        return new AuditView("id", f.id()).append("name", f.name()).append("employment", f.employment().name())
                .append("startDate", f.startDate().toString())
                .append("endDate", f.endDate() == null ? null : f.endDate().toString());
    }

    private static void plausible(Validator v, LocalDate date, String field) {
        v.check(date == null || (date.getYear() >= 2000 && date.getYear() <= 2100), field,
                "must be a date between 2000 and 2100");
    }
}
