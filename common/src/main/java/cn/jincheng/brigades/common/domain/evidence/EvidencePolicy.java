package cn.jincheng.brigades.common.domain.evidence;

import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;

/**
 * Who may do what with evidence, once the caller may see the brigade at all (county scope is
 * checked before, and another county's brigade is simply not found).
 * <ul>
 * <li>attach and delete: whoever writes that kind of record (the county's clerk for its brigade's
 * data, the fire department for checks and drills, inspectors and the county's clerk for
 * inspections and the county's acceptance), and the city administrator;</li>
 * <li>see where a photo was taken: city administrator, city inspectors and the brigade's own
 * county clerk. The fire department and anyone else get photos without their location: a
 * product decision, since locations of township buildings and of the people photographing them
 * are only needed by those who accept the brigade;</li>
 * <li>see deleted attachments: city administrator and city inspectors, who audit.</li>
 * </ul>
 */
public final class EvidencePolicy {

    private EvidencePolicy() {
    }

    public static void requireAttach(Caller caller, RecordKind kind, String countyId) {
        switch (kind) {
            case MILESTONE_SUBMISSION, HOUSING, VEHICLE, EQUIPMENT -> AccessPolicy.requireEditBrigadeData(caller, countyId);
            case EQUIPMENT_CHECK, DRILL -> AccessPolicy.requireRecordChecks(caller);
            case INSPECTION, COUNTY_ACCEPTANCE -> {
                if (!caller.hasAnyRole(Role.CITY_ADMIN, Role.CITY_INSPECTOR, Role.COUNTY_CLERK) || !caller.sees(countyId)) {
                    throw new AccessDeniedException("role " + caller.role() + " may not attach evidence to "
                            + (kind == RecordKind.INSPECTION ? "an inspection" : "a county's acceptance"));
                }
            }
        }
    }

    public static boolean maySeeLocations(Caller caller, String countyId) {
        return caller.hasAnyRole(Role.CITY_ADMIN, Role.CITY_INSPECTOR)
                || caller.hasAnyRole(Role.COUNTY_CLERK) && caller.sees(countyId);
    }

    public static void requireSeeDeleted(Caller caller) {
        if (!caller.hasAnyRole(Role.CITY_ADMIN, Role.CITY_INSPECTOR)) {
            throw new AccessDeniedException("only the city administrator and inspectors see deleted attachments");
        }
    }
}
