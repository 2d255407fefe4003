package cn.jincheng.brigades.gateway.report;

/**
 * One county in the report's county section (issue 19): its brigades' results and the city's
 * outcome with the annual fire-work assessment. {@code cityOutcome} null: not recorded yet;
 * "UNAVAILABLE": station-service could not answer for the section.
 */
public record CountyAcceptanceRow(String id, String name, int brigadesTotal, int brigadesAccepted, int brigadesFailed,
        int brigadesAwaitingCity, int brigadesNotInspected, int brigadesDeferred, String cityOutcome,
        String cityOutcomeNote, Integer assessmentYear, Double assessmentScore, String assessmentGrade, String summary,
        String longTermMechanism) {
}
