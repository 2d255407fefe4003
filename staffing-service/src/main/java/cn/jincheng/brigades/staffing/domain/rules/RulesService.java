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
     * Publishes the seed rules as version 1 when no version is stored yet. When the rules in force
     * are still ones the system shipped (no administrator has published since) and the seed now says
     * otherwise (a corrected source or status), the seed is published as the next version by
     * {@value #SEED_PUBLISHER}, the reason in its note; versions an administrator published are never
     * replaced.
     *
     * @return the version published, or empty when nothing was to publish (or another instance did)
     */
    public Optional<StaffingRules> seed(Supplier<StaffingRules> seed) {
        Optional<StaffingRules> latest = store.latest();
        if (latest.isPresent() && !latest.get().publishedBy().equals(SEED_PUBLISHER)) {
            return Optional.empty(); // the city's own version: the seed file is not even read
        }
        StaffingRules read = seed.get();
        if (latest.isPresent() && latest.get().rules().equals(read.rules())) {
            return Optional.empty();
        }
        StaffingRules next = latest.map(shipped -> new StaffingRules(read.id(), shipped.version() + 1, time.now(),
                SEED_PUBLISHER, "The shipped rules corrected (version " + shipped.version() + " was the system's too). "
                        + read.note(), read.rules()))
                .orElseGet(() -> new StaffingRules(read.id(), 1, time.now(), SEED_PUBLISHER, read.note(), read.rules()));
        RulesValidator.validate(next);
        return store.insert(next) ? Optional.of(next) : Optional.empty();
    }
}
