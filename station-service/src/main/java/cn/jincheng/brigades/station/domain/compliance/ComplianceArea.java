package cn.jincheng.brigades.station.domain.compliance;

import java.util.List;

/**
 * An area of compliance another service owns: staffing-service's STAFFING and FUNDING, or
 * equipment-service's VEHICLES, EQUIPMENT and READINESS. One call answers any number of brigades.
 * A service that cannot answer throws {@code DependencyUnavailableException} naming itself.
 */
public interface ComplianceArea {

    List<AreaAnswer> evaluate(List<AreaRef> brigades, int year);
}
