package cn.jincheng.brigades.station.domain.acceptance;

import java.time.Instant;

/**
 * The city's acceptance of one county's work in a year: the county's own summary and long-term
 * mechanism (长效机制), the city's outcome with its note, and the link to the annual fire-work
 * assessment. {@code version} 0 means nothing has been written yet; every write adds one. The
 * brigades' results are not stored here: they are derived from the inspections when read.
 */
public record CountyAcceptance(int year, String countyId, String summary, String longTermMechanism,
        String summaryBy, Instant summaryAt, CityOutcome outcome, String outcomeNote, String outcomeBy,
        Instant outcomeAt, Integer assessmentYear, Double assessmentScore, AssessmentGrade assessmentGrade,
        long version) {

    public static CountyAcceptance empty(int year, String countyId) {
        return new CountyAcceptance(year, countyId, "", "", null, null, null, "", null, null, null, null, null, 0);
    }

    public CountyAcceptance withSummary(String summary, String mechanism, String by, Instant at) {
        return new CountyAcceptance(year, countyId, summary, mechanism, by, at, outcome, outcomeNote, outcomeBy,
                outcomeAt, assessmentYear, assessmentScore, assessmentGrade, version + 1);
    }

    public CountyAcceptance withOutcome(CityOutcome outcome, String note, Integer assessmentYear, Double score,
            AssessmentGrade grade, String by, Instant at) {
        return new CountyAcceptance(year, countyId, summary, longTermMechanism, summaryBy, summaryAt, outcome, note,
                by, at, assessmentYear, score, grade, version + 1);
    }
}
