package cn.jincheng.brigades.common.domain.directory;

import java.util.Map;

/** A service's own copy of the brigade directory, as station-service keeps it current. */
public interface DirectoryCopy {

    /** Adds the brigades the copy does not hold (a brigade never changes county). @return how many were new */
    int add(Map<String, String> countyByBrigade);

    /** How many brigades the copy holds. */
    long size();
}
