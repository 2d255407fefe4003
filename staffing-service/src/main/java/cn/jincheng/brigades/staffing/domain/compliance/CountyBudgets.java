package cn.jincheng.brigades.staffing.domain.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.staffing.domain.funding.FundingRepository;
import cn.jincheng.brigades.staffing.domain.roster.RosterRepository;
import cn.jincheng.brigades.staffing.domain.rules.RulesService;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/**
 * A county's budget view: per brigade the money of its payer (county finance unless the plan names
 * another, e.g. the town government for 三甲镇) allocated, required and short, on the same
 * evaluation as compliance. The county's brigades and their standards come with the request (the
 * gateway has them from station-service), so this service makes no call of its own for them; it
 * only makes sure each named brigade is the county's.
 */
public class CountyBudgets {

    private final RosterRepository rosters;
    private final FundingRepository funding;
    private final RulesService rules;
    private final BrigadeDirectory directory;
    private final TimeSource time;

    public CountyBudgets(RosterRepository rosters, FundingRepository funding, RulesService rules,
            BrigadeDirectory directory, TimeSource time) {
        this.rosters = rosters;
        this.funding = funding;
        this.rules = rules;
        this.directory = directory;
        this.time = time;
    }

    /** The budget of the county's brigades for a year, one line per brigade in the order given. */
    public CountyBudget budget(Caller caller, String countyId, int year, List<BrigadeStandard> brigades) {
        AccessPolicy.requireRead(caller, countyId);
        new Validator().range(year, 2000, 2100, "year")
                .check(brigades.size() <= StaffingCompliance.MAX_BRIGADES, "brigades",
                        "at most " + StaffingCompliance.MAX_BRIGADES + " per call")
                .throwIfInvalid();
        List<String> ids = brigades.stream().map(BrigadeStandard::brigadeId).toList();
        requireOfCounty(countyId, ids);
        StaffingRules inForce = rules.inForce();
        LocalDate day = time.dayWithin(year);
        BrigadeRecords records = BrigadeRecords.read(rosters, funding, ids);
        return new CountyBudget(countyId, year, inForce.reference(), brigades.stream()
                .map(b -> new BudgetLine(b.brigadeId(), b.tier(), records.evaluate(inForce, b, year, day),
                        records.otherSourcesYuan(b, year)))
                .toList());
    }

    /**
     * Unknown brigades are not found; known ones of another county make the request invalid (each
     * named by its place in the list), since the budget would count them for the wrong county.
     */
    private void requireOfCounty(String countyId, List<String> ids) {
        Map<String, String> counties = directory.knownCounties(ids);
        ids.stream().filter(id -> !counties.containsKey(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("brigade", id);
        });
        Validator v = new Validator();
        for (int i = 0; i < ids.size(); i++) {
            v.check(countyId.equals(counties.get(ids.get(i))), "brigades[" + i + "].brigadeId",
                    "is not a brigade of county '" + countyId + "'");
        }
        v.throwIfInvalid();
    }
}
