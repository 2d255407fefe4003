package cn.jincheng.brigades.equipment.domain.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/** The standards catalog: read any version, publish a new one (CITY_ADMIN), never change an old one. */
public class CatalogService {

    /** What a publication asks for; lists are empty when not given. */
    public record Publication(boolean amend, int basedOnVersion, String note, String title, Integer defaultHeadcount,
            List<VehicleType> vehicleTypes, List<ItemDefinition> items, List<Rule> rules, Set<String> removeRules) {
    }

    private final CatalogRepository store;
    private final TimeSource time;

    public CatalogService(CatalogRepository store, TimeSource time) {
        this.store = store;
        this.time = time;
    }

    public Catalog inForce() {
        return store.latest().orElseThrow(() -> new NotFoundException("catalog", "in force"));
    }

    public Catalog version(Integer version) {
        if (version == null) {
            return inForce();
        }
        return store.version(version).orElseThrow(() -> new NotFoundException("catalog version", version.toString()));
    }

    public List<Catalog> versions() {
        return store.headers();
    }

    public Catalog publish(Caller caller, Publication p) {
        AccessPolicy.requireCityAdmin(caller, "change the standards catalog");
        new Validator().notBlank(p.note(), "note").maxLength(p.note(), 2000, "note")
                .check(p.basedOnVersion() > 0, "basedOnVersion", "name the version in force you based this on")
                .throwIfInvalid();
        Catalog current = inForce();
        if (current.version() != p.basedOnVersion()) {
            throw new StaleVersionException("catalog", current.id(), p.basedOnVersion(), current.version());
        }
        Catalog next = new Catalog(current.id(), current.version() + 1,
                p.title() != null && !p.title().isBlank() ? p.title() : current.title(), time.now(), caller.subject(),
                p.note(), p.defaultHeadcount() != null ? p.defaultHeadcount() : current.defaultHeadcount(),
                p.amend() ? merge(current.vehicleTypes(), p.vehicleTypes(), VehicleType::code) : p.vehicleTypes(),
                p.amend() ? merge(current.items(), p.items(), ItemDefinition::code) : p.items(),
                p.amend() ? merge(carriedOver(current, p), p.rules(), Rule::id) : p.rules());
        CatalogValidator.validate(next);
        if (!store.insert(next)) {
            Catalog winner = inForce();
            throw new StaleVersionException("catalog", current.id(), p.basedOnVersion(), winner.version());
        }
        return next;
    }

    /**
     * The rules of the version in force an amendment keeps, each with the severity it has in effect:
     * a REQUIRED rule of a catalog stored before promotions needed a reason (e.g. the per-person PPE
     * rules once labelled STANDARD) goes on as ADVISORY, as it is evaluated, unless the amendment
     * restates it with a promotion reason.
     */
    private static List<Rule> carriedOver(Catalog current, Publication p) {
        return current.rules().stream().filter(r -> !p.removeRules().contains(r.id())).map(Rule::withEffectiveSeverity)
                .toList();
    }

    /** The base entries with those of {@code changes} replacing the ones of the same key, new ones appended. */
    static <T> List<T> merge(List<T> base, List<T> changes, Function<T, String> key) {
        Map<String, T> merged = new LinkedHashMap<>();
        base.forEach(t -> merged.put(key.apply(t), t));
        changes.forEach(t -> merged.put(key.apply(t), t));
        return new ArrayList<>(merged.values());
    }
}
