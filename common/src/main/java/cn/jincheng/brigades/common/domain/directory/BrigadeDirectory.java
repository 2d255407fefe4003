package cn.jincheng.brigades.common.domain.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;

/**
 * Which brigades exist and the county of each, as equipment- and staffing-service need it to
 * decide who may see and change a brigade's records. station-service owns the brigades; how a
 * service knows them is the implementation's business.
 */
public interface BrigadeDirectory {

    /** Counties of the brigades whoever may see them; unknown ids are absent. */
    Map<String, String> knownCounties(Collection<String> brigadeIds);

    /**
     * The county of a brigade the caller may read. Unknown: {@link NotFoundException}; another
     * county's, for a clerk: {@code AccessDeniedException}.
     */
    default String countyOf(Caller caller, String brigadeId) {
        String county = knownCounties(java.util.List.of(brigadeId)).get(brigadeId);
        if (county == null) {
            throw new NotFoundException("brigade", brigadeId);
        }
        AccessPolicy.requireRead(caller, county);
        return county;
    }

    /** Counties of the brigades the caller may see; the others are absent. */
    default Map<String, String> countiesOf(Caller caller, Collection<String> brigadeIds) {
        Map<String, String> visible = new HashMap<>();
        knownCounties(brigadeIds).forEach((id, county) -> {
            if (caller.sees(county)) {
                visible.put(id, county);
            }
        });
        return visible;
    }
}
