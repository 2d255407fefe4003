package cn.jincheng.brigades.staffing.domain.rules;

import java.util.Optional;

/** Where the published versions of the staffing rules are kept; a version, once stored, never changes. */
public interface RulesRepository {

    /** The highest version stored, if any. */
    Optional<StaffingRules> latest();

    Optional<StaffingRules> version(int version);

    /**
     * Stores a new version unless one with its number exists: two administrators publishing on the
     * same version race here, and only one wins. @return true when this call stored it
     */
    boolean insert(StaffingRules rules);
}
