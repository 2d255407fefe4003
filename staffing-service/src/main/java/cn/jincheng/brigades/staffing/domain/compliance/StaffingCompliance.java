package cn.jincheng.brigades.staffing.domain.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.staffing.domain.funding.FundingRepository;
import cn.jincheng.brigades.staffing.domain.roster.RosterRepository;
import cn.jincheng.brigades.staffing.domain.rules.RulesService;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/** Staffing and funding compliance for many brigades: a chunk at a time, two queries per chunk. */
public class StaffingCompliance {

    public static final int MAX_BRIGADES = 5000;
    /** Brigades read and evaluated together: bounds the memory one call holds, whatever its size. */
    static final int CHUNK = 500;

    private final RosterRepository rosters;
    private final FundingRepository funding;
    private final RulesService rules;
    private final BrigadeDirectory directory;
    private final TimeSource time;

    public StaffingCompliance(RosterRepository rosters, FundingRepository funding, RulesService rules,
            BrigadeDirectory directory, TimeSource time) {
        this.rosters = rosters;
        this.funding = funding;
        this.rules = rules;
        this.directory = directory;
        this.time = time;
    }

    /** Each brigade's result, in the given order, as soon as its chunk is evaluated (asOf null: see {@link TimeSource#dayWithin}). */
    public void evaluate(Caller caller, List<BrigadeStandard> brigades, int year, LocalDate asOf,
            Consumer<StaffingEngine.Result> out) {
        new Validator().check(brigades.size() <= MAX_BRIGADES, "brigades", "at most " + MAX_BRIGADES + " per call")
                .range(year, 2000, 2100, "year").throwIfInvalid();
        StaffingRules inForce = rules.inForce();
        LocalDate day = asOf != null ? asOf : time.dayWithin(year);
        for (int from = 0; from < brigades.size(); from += CHUNK) {
            List<BrigadeStandard> chunk = brigades.subList(from, Math.min(brigades.size(), from + CHUNK));
            List<String> ids = chunk.stream().map(BrigadeStandard::brigadeId).toList();
            Map<String, String> visible = directory.countiesOf(caller, ids);
            ids.stream().filter(id -> !visible.containsKey(id)).findFirst().ifPresent(id -> {
                throw new AccessDeniedException("brigade '" + id + "' is unknown or outside the caller's county");
            });
            BrigadeRecords records = BrigadeRecords.read(rosters, funding, ids);
            for (BrigadeStandard brigade : chunk) {
                out.accept(records.evaluate(inForce, brigade, year, day));
            }
        }
    }
}
