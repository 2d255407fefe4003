package cn.jincheng.brigades.staffing.rules;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StaleVersionException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.staffing.persistence.RulesStore;

/** The staffing rules: read any version, publish a whole new one (CITY_ADMIN), never edit an old one. */
@Service
public class RulesService {

    private final RulesStore store;
    private final TimeSource time;

    public RulesService(RulesStore store, TimeSource time) {
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
}
