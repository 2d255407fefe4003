package cn.jincheng.brigades.staffing.domain.roster;

import java.time.LocalDate;

import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.errors.Validator;

/** What every new firefighter passes, added by hand or imported, and how the audit trail shows one. */
final class FirefighterChecks {

    static final int MAX_NAME = 200;

    private FirefighterChecks() {
    }

    static Validator forNew(String name, Employment employment, LocalDate start, LocalDate end) {
        Validator v = new Validator().notBlank(name, "name").maxLength(name, MAX_NAME, "name")
                .check(employment != null, "employment", "must be LABOUR_DISPATCH, CONTRACT or CAREER")
                .check(start != null, "startDate", "is required");
        plausible(v, start, "startDate");
        plausible(v, end, "endDate");
        return v.check(start == null || end == null || !end.isBefore(start), "endDate",
                "must not be before the start date");
    }

    /** Dates outside 2000–2100 are typing slips (a year of 219 or 20190), not history. */
    static void plausible(Validator v, LocalDate date, String field) {
        v.check(date == null || (date.getYear() >= 2000 && date.getYear() <= 2100), field,
                "must be a date between 2000 and 2100");
    }

    static AuditView view(Firefighter f) {
        return new AuditView("id", f.id()).append("name", f.name()).append("employment", f.employment().name())
                .append("startDate", f.startDate().toString())
                .append("endDate", f.endDate() == null ? null : f.endDate().toString());
    }
}
