package cn.jincheng.brigades.common.ids;

import java.util.UUID;

/**
 * Ids of the records that belong to one brigade (vehicles, equipment, checks, drills, firefighters):
 * the brigade's id, a dot, and a random UUID, e.g. {@code zezhou-gaodu.3f0c…}. Clients treat them
 * as opaque, as before; the prefix keeps a brigade's records next to each other in a store that
 * orders documents by id (the embedded one), so reading a brigade's hundred items touches a page
 * or two instead of a hundred scattered ones. MongoDB does not care either way.
 */
public final class BrigadeRecordIds {

    private BrigadeRecordIds() {
    }

    public static String newId(String brigadeId) {
        return brigadeId + "." + UUID.randomUUID();
    }
}
