package cn.jincheng.brigades.station.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/** Counties and brigades: reading in the caller's scope, editing under optimistic concurrency. */
public class BrigadeService {

    public static final int MAX_TEXT = 4000;

    private final BrigadeRepository brigades;
    private final CountyRepository counties;
    private final PlanRepository plans;
    private final BrigadeWriter writer;
    private final TimeSource time;

    public BrigadeService(BrigadeRepository brigades, CountyRepository counties, PlanRepository plans,
            BrigadeWriter writer, TimeSource time) {
        this.brigades = brigades;
        this.counties = counties;
        this.plans = plans;
        this.writer = writer;
        this.time = time;
    }

    public List<CountySummary> listCounties(Caller caller) {
        return counties.findAll().stream()
                .filter(c -> caller.sees(c.id()))
                .map(c -> new CountySummary(c, brigades.countInCounty(c.id())))
                .toList();
    }

    public BrigadePage list(Caller caller, BrigadeQuery query, int pageSize) {
        BrigadeQuery scoped = query;
        if (caller.isCountyClerk()) {
            if (query.countyId() != null && !caller.sees(query.countyId())) {
                return new BrigadePage(List.of(), null); // other counties are absent from lists
            }
            scoped = new BrigadeQuery(caller.county(), query.level(), query.mode(), query.afterId());
        }
        List<Brigade> page = brigades.find(scoped, pageSize + 1);
        if (page.size() <= pageSize) {
            return new BrigadePage(page, null);
        }
        List<Brigade> shown = page.subList(0, pageSize);
        return new BrigadePage(shown, shown.get(pageSize - 1).id());
    }

    public Brigade get(Caller caller, String id) {
        Brigade brigade = brigades.find(id).map(StoredBrigade::brigade)
                .orElseThrow(() -> new NotFoundException("brigade", id));
        AccessPolicy.requireRead(caller, brigade.countyId());
        return brigade;
    }

    /** Every brigade of a county (all when null) the caller may see, in id order. */
    public List<Brigade> inScope(Caller caller, String countyId) {
        if (countyId != null) {
            AccessPolicy.requireRead(caller, countyId);
        }
        String scope = caller.isCountyClerk() ? caller.county() : countyId;
        List<Brigade> result = new java.util.ArrayList<>();
        brigades.forEach(scope, result::add);
        return result;
    }

    public List<Brigade> batchGet(Caller caller, Collection<String> ids) {
        return brigades.findAll(ids).stream().filter(b -> caller.sees(b.countyId())).toList();
    }

    public Brigade update(Caller caller, String id, long expectedVersion, HousingPatch housing, String partner,
            String notes) {
        Validator v = new Validator();
        v.check(expectedVersion > 0, "version", "the version you last read is required (If-Match)");
        if (housing != null) {
            housing.validate(v);
        }
        v.maxLength(partner, MAX_TEXT, "partner").maxLength(notes, MAX_TEXT, "notes");
        return writer.modify(id, current -> {
            AccessPolicy.requireEditBrigadeData(caller, current.countyId());
            v.throwIfInvalid();
            if (current.version() != expectedVersion) {
                throw new StaleVersionException("brigade", id, expectedVersion, current.version());
            }
            Brigade after = current.withData(
                    housing == null ? current.housing() : current.housing().apply(housing),
                    partner == null ? current.partner() : partner,
                    notes == null ? current.notes() : notes);
            AuditView request = new AuditView();
            if (housing != null) {
                request.append("housing", housingRequest(housing));
            }
            if (partner != null) {
                request.append("partner", partner);
            }
            if (notes != null) {
                request.append("notes", notes);
            }
            return new BrigadeWriter.Change(after, AuditEntry.of(caller, time.now(), id, "brigade.update",
                    AuditViews.brigadeData(current), AuditViews.brigadeData(after), request));
        });
    }

    public Brigade changeMode(Caller caller, String id, ConstructionMode mode, String reason, Long expectedVersion,
            LocalDate effectiveDate) {
        AccessPolicy.requireCityAdmin(caller, "change a construction mode");
        Validator v = new Validator();
        v.check(mode != null, "constructionMode", "must be one of SELF_BUILT, JOINT_ENTERPRISE, ADAPTED, DEFERRED, EXISTING");
        v.notBlank(reason, "reason").maxLength(reason, MAX_TEXT, "reason");
        v.throwIfInvalid();
        LocalDate start = effectiveDate != null ? effectiveDate : time.today();
        return writer.modify(id, current -> {
            if (expectedVersion != null && current.version() != expectedVersion) {
                throw new StaleVersionException("brigade", id, expectedVersion, current.version());
            }
            Plan plan = plans.find(current.planId())
                    .orElseThrow(() -> new NotFoundException("plan", current.planId()));
            Brigade after = ModeChange.apply(current, plan, mode, start);
            AuditView request = new AuditView("constructionMode", mode.name()).append("reason", reason)
                    .append("effectiveDate", start.toString());
            return new BrigadeWriter.Change(after,
                    AuditEntry.of(caller, time.now(), id, "brigade.mode",
                            AuditViews.brigadeWithMilestones(current), AuditViews.brigadeWithMilestones(after), request));
        });
    }

    private static AuditView housingRequest(HousingPatch p) {
        AuditView d = new AuditView();
        if (p.floorAreaM2() != null) {
            d.append("floorAreaM2", p.floorAreaM2());
        }
        if (p.siteAreaM2() != null) {
            d.append("siteAreaM2", p.siteAreaM2());
        }
        if (p.garageBays() != null) {
            d.append("garageBays", p.garageBays());
        }
        if (p.rooms() != null) {
            d.append("rooms", p.rooms().stream().map(Enum::name).sorted().toList());
        }
        return d;
    }
}
