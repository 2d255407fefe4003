package cn.jincheng.brigades.staffing.domain.funding;

import java.util.List;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/** Funding per brigade, year and source, kept by the brigade's county (or the city administrator). */
public class FundingService {

    /** Above any township brigade's yearly budget: catches a misplaced digit. */
    public static final long MAX_AMOUNT_YUAN = 100_000_000;

    private final FundingRepository store;
    private final BrigadeDirectory directory;
    private final TimeSource time;

    public FundingService(FundingRepository store, BrigadeDirectory directory, TimeSource time) {
        this.store = store;
        this.directory = directory;
        this.time = time;
    }

    public Funding put(Caller caller, String brigadeId, int year, FundingSource source, long amountYuan) {
        String county = directory.countyOf(caller, brigadeId);
        AccessPolicy.requireEditBrigadeData(caller, county);
        new Validator().range(year, 2000, 2100, "year")
                .check(source != null, "source", "must be COUNTY_FINANCE, TOWNSHIP, ENTERPRISE or OTHER")
                .check(amountYuan >= 0 && amountYuan <= MAX_AMOUNT_YUAN, "amountYuan",
                        "must be between 0 and " + MAX_AMOUNT_YUAN + " yuan")
                .throwIfInvalid();
        Funding f = new Funding(brigadeId, county, year, source, amountYuan, caller.subject(), time.now());
        Long before = store.ofBrigade(brigadeId).stream().filter(x -> x.year() == year && x.source() == source)
                .map(Funding::amountYuan).findFirst().orElse(null);
        AuditView key = new AuditView("year", year).append("source", source.name());
        store.put(f, AuditEntry.of(caller, time.now(), brigadeId, "funding.put",
                before == null ? null : new AuditView(key).append("amountYuan", before),
                new AuditView(key).append("amountYuan", amountYuan), new AuditView(key).append("amountYuan", amountYuan)));
        return f;
    }

    public List<Funding> list(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId); // unknown: not found; another county's, for a clerk: denied
        return store.ofBrigade(brigadeId);
    }
}
