package cn.jincheng.brigades.common.domain.imports;

import java.util.Map;

import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;

/** Row checks every import of brigade data makes the same way. */
public final class ImportAccess {

    private ImportAccess() {
    }

    /**
     * The county of the row's brigade if the caller may edit its data; otherwise null and a
     * violation on {@code brigadeId} saying why (unknown, or another county's).
     */
    public static String editableCounty(Caller caller, Map<String, String> counties, String brigadeId, Validator v) {
        String county = counties.get(brigadeId);
        if (county == null) {
            // unknown, or (for a clerk, unless already known here) of another county: the station shows a clerk only theirs
            v.check(false, "brigadeId", "no brigade with this id that you may see");
            return null;
        }
        try {
            AccessPolicy.requireEditBrigadeData(caller, county);
            return county;
        } catch (AccessDeniedException e) {
            v.check(false, "brigadeId", e.getMessage());
            return null;
        }
    }
}
