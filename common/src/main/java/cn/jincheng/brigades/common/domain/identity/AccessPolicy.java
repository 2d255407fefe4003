package cn.jincheng.brigades.common.domain.identity;

import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;

/**
 * The authorization table of api-v1.md, in one place, for every service to enforce itself.
 * Each method returns normally when the caller may act and throws {@link AccessDeniedException}
 * otherwise.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Read anything: city roles everywhere, a county clerk in their own county only. */
    public static void requireRead(Caller caller, String countyId) {
        requireRole(caller, "read", Role.CITY_ADMIN, Role.CITY_INSPECTOR, Role.FIRE_DEPT, Role.COUNTY_CLERK);
        requireCounty(caller, countyId, "read");
    }

    /** Keep a copy of the brigade directory current: station-service, and nobody else. */
    public static void requireDirectoryPublisher(Caller caller) {
        requireRole(caller, "keep the brigade directory", Role.STATION_SERVICE);
    }

    /** Edit brigade data (housing, milestone submissions, vehicles, equipment, staff, funding). */
    public static void requireEditBrigadeData(Caller caller, String countyId) {
        requireRole(caller, "edit brigade data", Role.CITY_ADMIN, Role.COUNTY_CLERK);
        requireCounty(caller, countyId, "edit brigade data");
    }

    /** The role to edit brigade data somewhere, checked once before a bulk import; each row's county is checked with {@link #requireEditBrigadeData}. */
    public static void requireEditSomeBrigadeData(Caller caller) {
        requireRole(caller, "edit brigade data", Role.CITY_ADMIN, Role.COUNTY_CLERK);
    }

    /** Record equipment checks and readiness drills. */
    public static void requireRecordChecks(Caller caller) {
        requireRole(caller, "record checks and drills", Role.CITY_ADMIN, Role.FIRE_DEPT);
    }

    /** Accept or reject a milestone submission. */
    public static void requireDecideMilestones(Caller caller) {
        requireRole(caller, "decide milestones", Role.CITY_ADMIN, Role.CITY_INSPECTOR);
    }

    /** Acceptance inspection at county stage. */
    public static void requireCountyInspection(Caller caller, String countyId) {
        requireRole(caller, "record a county inspection", Role.CITY_ADMIN, Role.COUNTY_CLERK);
        requireCounty(caller, countyId, "record a county inspection");
    }

    /** Acceptance inspection at city stage. */
    public static void requireCityInspection(Caller caller) {
        requireRole(caller, "record a city inspection", Role.CITY_ADMIN, Role.CITY_INSPECTOR);
    }

    /** Re-check the audit chains. */
    public static void requireAuditVerification(Caller caller) {
        requireRole(caller, "verify the audit trail", Role.CITY_ADMIN, Role.CITY_INSPECTOR);
    }

    /** City administration: the standards catalog, construction modes. */
    public static void requireCityAdmin(Caller caller, String action) {
        requireRole(caller, action, Role.CITY_ADMIN);
    }

    /** A county's own acceptance summary and long-term mechanism: CITY_ADMIN or that county's clerk. */
    public static void requireCountySummary(Caller caller, String countyId) {
        requireRole(caller, "write a county's acceptance summary", Role.CITY_ADMIN, Role.COUNTY_CLERK);
        if (!caller.sees(countyId)) {
            throw new AccessDeniedException("a clerk of " + caller.county() + " may write the acceptance summary of "
                    + caller.county() + " only");
        }
    }

    /** The city's acceptance outcome for a county: CITY_ADMIN or CITY_INSPECTOR. */
    public static void requireCountyOutcome(Caller caller) {
        requireRole(caller, "record the city's outcome for a county", Role.CITY_ADMIN, Role.CITY_INSPECTOR);
    }

    private static void requireRole(Caller caller, String action, Role... allowed) {
        if (!caller.hasAnyRole(allowed)) {
            throw new AccessDeniedException("role " + caller.role() + " may not " + action);
        }
    }

    private static void requireCounty(Caller caller, String countyId, String action) {
        if (!caller.sees(countyId)) {
            throw new AccessDeniedException("that brigade belongs to another county: a clerk of " + caller.county()
                    + " may " + action + " only for brigades of " + caller.county());
        }
    }
}
