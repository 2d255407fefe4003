package cn.jincheng.brigades.staffing.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.grpc.client.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.proto.station.v1.BrigadeStandard;
import cn.jincheng.brigades.staffing.persistence.StaffingStore;
import cn.jincheng.brigades.staffing.rules.RulesService;
import cn.jincheng.brigades.staffing.rules.StaffingRules;

/**
 * Staffing and funding compliance for many brigades (a chunk at a time, two queries per chunk), and
 * the county budget view built on the same evaluation.
 */
@Service
public class StaffingCompliance {

    /** A brigade to evaluate: its level and tier (null tier: no rules apply). */
    public record Ref(String brigadeId, String level, String tier) {
    }

    /** One brigade's line in the county budget view. */
    public record BudgetLine(String brigadeId, String tier, StaffingEngine.Result result, long otherSourcesYuan) {
        public long shortfallYuan() {
            return Math.max(0, result.requiredYuan() - result.countyFinanceYuan());
        }
    }

    public static final int MAX_BRIGADES = 5000;
    static final int CHUNK = 500;

    private final StaffingStore store;
    private final RulesService rules;
    private final BrigadeDirectory directory;
    private final TimeSource time;

    public StaffingCompliance(StaffingStore store, RulesService rules, BrigadeDirectory directory, TimeSource time) {
        this.store = store;
        this.rules = rules;
        this.directory = directory;
        this.time = time;
    }

    public void evaluate(Caller caller, List<Ref> brigades, int year, LocalDate asOf, Consumer<StaffingEngine.Result> out) {
        new Validator().check(brigades.size() <= MAX_BRIGADES, "brigades", "at most " + MAX_BRIGADES + " per call")
                .range(year, 2000, 2100, "year").throwIfInvalid();
        StaffingRules inForce = rules.inForce();
        LocalDate day = asOf != null ? asOf : time.dayWithin(year);
        for (int from = 0; from < brigades.size(); from += CHUNK) {
            List<Ref> chunk = brigades.subList(from, Math.min(brigades.size(), from + CHUNK));
            List<String> ids = chunk.stream().map(Ref::brigadeId).toList();
            Map<String, String> visible = directory.countiesOf(caller, ids);
            ids.stream().filter(id -> !visible.containsKey(id)).findFirst().ifPresent(id -> {
                throw new AccessDeniedException("brigade '" + id + "' is unknown or outside the caller's county");
            });
            var rosters = store.rosters(ids);
            var funding = store.funding(ids);
            for (Ref ref : chunk) {
                out.accept(StaffingEngine.evaluate(inForce, ref.brigadeId(), ref.level(), ref.tier(),
                        rosters.getOrDefault(ref.brigadeId(), List.of()), funding.getOrDefault(ref.brigadeId(), List.of()),
                        year, day));
            }
        }
    }

    /** The county's budget for a year: per brigade allocated (county finance), required, shortfall. */
    public List<BudgetLine> countyBudget(Caller caller, String countyId, int year) {
        AccessPolicy.requireRead(caller, countyId);
        new Validator().range(year, 2000, 2100, "year").throwIfInvalid();
        List<BrigadeStandard> standards = directory.standards(countyId, year);
        StaffingRules inForce = rules.inForce();
        LocalDate day = time.dayWithin(year);
        List<String> ids = standards.stream().map(BrigadeStandard::getBrigadeId).toList();
        var rosters = store.rosters(ids);
        var funding = store.funding(ids);
        return standards.stream().map(s -> {
            String tier = s.getTier().equals("NONE") ? null : s.getTier();
            var brigadeFunding = funding.getOrDefault(s.getBrigadeId(), List.of());
            long other = brigadeFunding.stream().filter(f -> f.year() == year
                    && f.source() != cn.jincheng.brigades.staffing.funding.FundingSource.COUNTY_FINANCE)
                    .mapToLong(f -> f.amountYuan()).sum();
            return new BudgetLine(s.getBrigadeId(), s.getTier(), StaffingEngine.evaluate(inForce, s.getBrigadeId(),
                    s.getLevel(), tier, rosters.getOrDefault(s.getBrigadeId(), List.of()), brigadeFunding, year, day), other);
        }).toList();
    }

    public StaffingRules rulesInForce() {
        return rules.inForce();
    }
}
