package cn.jincheng.brigades.station.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.CheckResult;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;

/**
 * A plan's housing minimums per level (the full standard; the reduced one asks for none): floor
 * area, garage bays and the required rooms as REQUIRED (the plan's), the site area of GB/T 35547
 * cl. 9.2 as ADVISORY (the standard allows more land with optional rooms, so only the lower bound is
 * shown) with the status the plan data gives it ({@code siteAreaStatus}, REFERENCE when not given:
 * the clause is known from secondary sources, not verified against the standard's text).
 */
public record HousingStandard(List<Minimum> minimums, Set<Room> requiredRooms, String source, String siteAreaSource,
        SourceStatus siteAreaStatus) {

    /** The minimums of one level. */
    public record Minimum(BrigadeLevel level, double floorAreaM2, int garageBays, double siteAreaM2) {
    }

    public static final HousingStandard NONE = new HousingStandard(List.of(), Set.of(), "", "", SourceStatus.REFERENCE);

    public HousingStandard {
        minimums = List.copyOf(minimums);
        requiredRooms = Set.copyOf(requiredRooms);
        siteAreaStatus = siteAreaStatus == null ? SourceStatus.REFERENCE : siteAreaStatus;
    }

    /** The plan's minimums with the site area's status not given (REFERENCE). */
    public HousingStandard(List<Minimum> minimums, Set<Room> requiredRooms, String source, String siteAreaSource) {
        this(minimums, requiredRooms, source, siteAreaSource, SourceStatus.REFERENCE);
    }

    public List<CheckResult> check(BrigadeLevel level, Housing housing) {
        Minimum min = minimums.stream().filter(m -> m.level() == level).findFirst().orElse(null);
        List<CheckResult> checks = new ArrayList<>();
        if (min == null) {
            return checks;
        }
        checks.add(new CheckResult("housing.floor-area", Area.HOUSING, Severity.REQUIRED, "≥ " + fmt(min.floorAreaM2()) + " m²",
                fmt(housing.floorAreaM2()) + " m²", housing.floorAreaM2() >= min.floorAreaM2(), source, SourceStatus.PLAN));
        checks.add(new CheckResult("housing.garage-bays", Area.HOUSING, Severity.REQUIRED, "≥ " + min.garageBays() + " bays",
                housing.garageBays() + " bays", housing.garageBays() >= min.garageBays(), source, SourceStatus.PLAN));
        List<String> missing = requiredRooms.stream().filter(r -> !housing.rooms().contains(r)).map(Enum::name).sorted()
                .toList();
        checks.add(new CheckResult("housing.required-rooms", Area.HOUSING, Severity.REQUIRED,
                String.join(", ", requiredRooms.stream().map(Enum::name).sorted().toList()),
                missing.isEmpty() ? "all present" : "missing: " + String.join(", ", missing), missing.isEmpty(), source,
                SourceStatus.PLAN));
        checks.add(new CheckResult("housing.site-area", Area.HOUSING, Severity.ADVISORY, "≥ " + fmt(min.siteAreaM2()) + " m² of land",
                fmt(housing.siteAreaM2()) + " m²", housing.siteAreaM2() >= min.siteAreaM2(), siteAreaSource,
                siteAreaStatus));
        return checks;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
