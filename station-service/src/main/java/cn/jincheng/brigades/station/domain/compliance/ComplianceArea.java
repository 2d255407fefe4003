package cn.jincheng.brigades.station.domain.compliance;

import java.util.List;

/**
 * An area of compliance another service owns: staffing-service's STAFFING and FUNDING, or
 * equipment-service's VEHICLES, EQUIPMENT and READINESS. One call answers any number of brigades.
 * A service that cannot answer throws {@code DependencyUnavailableException} naming itself.
 */
public interface ComplianceArea {

    /**
     * The area's checks of these brigades in {@code year}. With {@code unmetOnly} only the checks
     * not met come back: enough for a verdict and its failing checks, and a report of the whole
     * city then carries a few checks per brigade instead of some forty.
     */
    List<AreaAnswer> evaluate(List<AreaRef> brigades, int year, boolean unmetOnly);
}
