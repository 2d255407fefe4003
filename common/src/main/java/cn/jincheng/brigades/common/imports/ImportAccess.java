package cn.jincheng.brigades.common.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

import cn.jincheng.brigades.common.errors.AccessDeniedException;
import cn.jincheng.brigades.common.errors.Validator;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.identity.AccessPolicy;
import cn.jincheng.brigades.common.identity.Caller;

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
            v.check(false, "brigadeId", "no brigade has this id");
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

    /** A row's date, or null when absent or impossible (the caller reports the impossible one). */
    public static LocalDate date(boolean present, com.google.type.Date date) {
        if (!present) {
            return null;
        }
        try {
            return ProtoTime.localDate(date);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
