package cn.jincheng.brigades.station.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;


/**
 * A brigade's acceptance outcome for a year, from its inspections alone: ACCEPTED when the latest
 * inspection is a city PASS (which needs a county PASS before it), REJECTED when the latest is a
 * FAIL at either stage, DEFERRED for a deferred town, PENDING otherwise. (UNAVAILABLE is the
 * report's word for a row whose compliance could not be evaluated; it is not decided here.)
 */
public enum Outcome {
    ACCEPTED,
    REJECTED,
    PENDING,
    DEFERRED,
    UNAVAILABLE;

    public static Outcome of(ConstructionMode mode, List<Inspection> inspections, int year) {
        if (mode == ConstructionMode.DEFERRED) {
            return DEFERRED;
        }
        Optional<Inspection> latest = latest(inspections, year, null);
        if (latest.isEmpty()) {
            return PENDING;
        }
        if (latest.get().result() == Result.FAIL) {
            return REJECTED;
        }
        return latest.get().stage() == Stage.CITY ? ACCEPTED : PENDING;
    }

    /** The latest inspection of the year, at one stage or (stage null) at any. */
    public static Optional<Inspection> latest(List<Inspection> inspections, int year, Stage stage) {
        return inspections.stream().filter(i -> i.year() == year && (stage == null || i.stage() == stage))
                .max(Comparator.comparing(Inspection::at).thenComparing(Inspection::id));
    }
}
