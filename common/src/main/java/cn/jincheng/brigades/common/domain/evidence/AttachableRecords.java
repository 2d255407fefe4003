package cn.jincheng.brigades.common.domain.evidence;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** The records of one service that evidence may be attached to: which kinds it owns, and whether one exists. */
public interface AttachableRecords {

    /** The kinds of record this service owns. */
    Set<RecordKind> kinds();

    /** The counties of these brigades, as this service knows them; unknown brigades are absent. */
    Map<String, String> counties(Collection<String> brigadeIds);

    /** Whether the brigade (of the given county) has that record. */
    boolean exists(String brigadeId, String countyId, RecordKind kind, String recordId);
}
