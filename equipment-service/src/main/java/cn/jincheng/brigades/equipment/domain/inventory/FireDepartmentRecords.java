package cn.jincheng.brigades.equipment.domain.inventory;

import static cn.jincheng.brigades.equipment.domain.inventory.AuditViews.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.audit.AuditView;
import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/** The fire department's records: on-site equipment checks and readiness drills. */
public class FireDepartmentRecords {

    private final FireDepartmentRecordRepository store;
    private final InventoryRepository inventory;
    private final BrigadeDirectory directory;
    private final TimeSource time;
    private final RecordIds ids;

    public FireDepartmentRecords(FireDepartmentRecordRepository store, InventoryRepository inventory,
            BrigadeDirectory directory, TimeSource time, RecordIds ids) {
        this.ids = ids;
        this.store = store;
        this.inventory = inventory;
        this.directory = directory;
        this.time = time;
    }

    public EquipmentCheck recordCheck(Caller caller, String brigadeId, LocalDate date, List<ItemFinding> findings,
            String notes) {
        AccessPolicy.requireRecordChecks(caller);
        String county = directory.countyOf(caller, brigadeId);
        Map<String, EquipmentItem> held = inventory.items(brigadeId).stream()
                .collect(Collectors.toMap(EquipmentItem::id, Function.identity()));
        Validator v = new Validator();
        checkDate(v, date);
        v.check(!findings.isEmpty(), "findings", "name at least one item");
        v.maxLength(notes, 4000, "notes");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            ItemFinding f = findings.get(i);
            String at = "findings[" + i + "]";
            EquipmentItem item = f.itemId() == null ? null : held.get(f.itemId());
            v.check(item != null, at + ".itemId", "the brigade holds no such item");
            v.check(f.itemId() == null || seen.add(f.itemId()), at + ".itemId", "named twice");
            v.check(f.finding() != null, at + ".finding", "must be PRESENT, DEFECTIVE, EXPIRED or MISSING");
            v.check(f.workingQuantity() == null || f.finding() == Finding.PRESENT, at + ".workingQuantity",
                    "only a PRESENT item has a working quantity");
            v.check(f.workingQuantity() == null || item == null
                    || (f.workingQuantity() >= 0 && f.workingQuantity() <= item.quantity()), at + ".workingQuantity",
                    "must be between 0 and the quantity held");
            v.maxLength(f.defect(), 1000, at + ".defect");
        }
        v.throwIfInvalid();
        EquipmentCheck check = new EquipmentCheck(ids.next(), brigadeId, county, date,
                caller.subject(), new ArrayList<>(findings), notes == null ? "" : notes, time.now());
        AuditView recorded = view(check);
        store.insert(check, AuditEntry.of(caller, time.now(), brigadeId, "equipment-check.record", null, recorded, recorded));
        return check;
    }

    public List<EquipmentCheck> checks(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId);
        return store.checks(brigadeId);
    }

    public Drill recordDrill(Caller caller, String brigadeId, LocalDate date, Boolean passed, String notes) {
        AccessPolicy.requireRecordChecks(caller);
        String county = directory.countyOf(caller, brigadeId);
        Validator v = new Validator();
        checkDate(v, date);
        v.check(passed != null, "passed", "is required: true or false").maxLength(notes, 4000, "notes");
        v.throwIfInvalid();
        Drill drill = new Drill(ids.next(), brigadeId, county, date, passed,
                notes == null ? "" : notes, caller.subject(), time.now());
        AuditView recorded = view(drill);
        store.insert(drill, AuditEntry.of(caller, time.now(), brigadeId, "drill.record", null, recorded, recorded));
        return drill;
    }

    public List<Drill> drills(Caller caller, String brigadeId) {
        directory.countyOf(caller, brigadeId);
        return store.drills(brigadeId);
    }

    private void checkDate(Validator v, LocalDate date) {
        v.check(date != null, "date", "is required");
        v.check(date == null || (date.getYear() >= 2000 && !date.isAfter(time.today())), "date",
                "must be a date from 2000 up to today");
    }
}
