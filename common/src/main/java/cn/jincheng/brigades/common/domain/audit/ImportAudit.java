package cn.jincheng.brigades.common.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.jincheng.brigades.common.domain.identity.Caller;

/** How a bulk import shows in the audit trail: one entry per brigade for what it adds there, not one per row. */
public final class ImportAudit {

    private ImportAudit() {
    }

    /**
     * @param added    the records the import adds, in file order
     * @param brigade  the brigade of a record
     * @param view     how the trail shows a record
     * @param listName the name of the list in the entry's {@code after}, e.g. {@code vehicles}
     */
    public static <T> List<AuditEntry> perBrigade(Caller caller, Instant at, String action, String listName,
            List<T> added, Function<T, String> brigade, Function<T, ? extends Map<String, ?>> view) {
        Map<String, List<Map<String, ?>>> byBrigade = new LinkedHashMap<>();
        for (T record : added) {
            byBrigade.computeIfAbsent(brigade.apply(record), b -> new ArrayList<>()).add(view.apply(record));
        }
        List<AuditEntry> entries = new ArrayList<>();
        byBrigade.forEach((brigadeId, views) -> entries.add(AuditEntry.of(caller, at, brigadeId, action, null,
                new AuditView(listName, views), new AuditView("rows", views.size()))));
        return entries;
    }
}
