package cn.jincheng.brigades.staffing.domain.rules;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/** The staffing rules: read any version, publish a whole new one (CITY_ADMIN), never edit an old one. */
public class RulesService {

    /** Who the first version, published from the seed file, names as its publisher. */
    static final String SEED_PUBLISHER = "seed";

    private final RulesRepository store;
    private final TimeSource time;

    public RulesService(RulesRepository store, TimeSource time) {
        this.store = store;
        this.time = time;
    }

    public StaffingRules inForce() {
        return store.latest().orElseThrow(() -> new NotFoundException("staffing rules", "in force"));
    }

    public StaffingRules version(Integer version) {
        return version == null ? inForce()
                : store.version(version).orElseThrow(() -> new NotFoundException("staffing rules version", version.toString()));
    }

    public StaffingRules publish(Caller caller, int basedOnVersion, String note, List<StaffingRule> rules) {
        AccessPolicy.requireCityAdmin(caller, "change the staffing rules");
        new Validator().notBlank(note, "note").maxLength(note, 2000, "note")
                .check(!rules.isEmpty(), "rules", "name the whole new set of rules").throwIfInvalid();
        StaffingRules current = inForce();
        if (current.version() != basedOnVersion) {
            throw new StaleVersionException("staffing rules", current.id(), basedOnVersion, current.version());
        }
        StaffingRules next = new StaffingRules(current.id(), current.version() + 1, time.now(), caller.subject(), note, rules);
        RulesValidator.validate(next);
        if (!store.insert(next)) {
            throw new StaleVersionException("staffing rules", current.id(), basedOnVersion, inForce().version());
        }
        return next;
    }

    /**
     * Publishes the seed rules as version 1 when no version is stored yet. The seed is read only
     * then, so that a running system does not need its seed file any more.
     *
     * @return the version published, or empty when rules were there already (or another instance
     *         seeded them first)
     */
    public Optional<StaffingRules> seed(Supplier<StaffingRules> seed) {
        if (store.latest().isPresent()) {
            return Optional.empty();
        }
        StaffingRules read = seed.get();
        StaffingRules first = new StaffingRules(read.id(), 1, time.now(), SEED_PUBLISHER, read.note(), read.rules());
        RulesValidator.validate(first);
        return store.insert(first) ? Optional.of(first) : Optional.empty();
    }
}
