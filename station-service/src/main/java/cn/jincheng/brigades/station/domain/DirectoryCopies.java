package cn.jincheng.brigades.station.domain;

import java.util.List;
import java.util.Map;

/**
 * The services that keep a copy of this service's brigade directory (which county each brigade
 * belongs to). A copy that cannot be reached throws {@code DependencyUnavailableException}.
 */
public interface DirectoryCopies {

    /** The copies, by the name of the service that keeps each. */
    List<String> names();

    /** How many brigades a copy holds. */
    long size(String copy);

    /** Adds brigades to a copy; brigades it holds already stay as they are. */
    void add(String copy, Map<String, String> countyByBrigade);
}
