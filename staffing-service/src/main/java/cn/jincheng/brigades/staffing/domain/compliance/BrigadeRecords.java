package cn.jincheng.brigades.staffing.domain.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.jincheng.brigades.staffing.domain.funding.Funding;
import cn.jincheng.brigades.staffing.domain.funding.FundingRepository;
import cn.jincheng.brigades.staffing.domain.roster.Firefighter;
import cn.jincheng.brigades.staffing.domain.roster.RosterRepository;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/** The rosters and funding of a set of brigades, read with one query each rather than two per brigade. */
final class BrigadeRecords {

    private final Map<String, List<Firefighter>> rosters;
    private final Map<String, List<Funding>> funding;

    private BrigadeRecords(Map<String, List<Firefighter>> rosters, Map<String, List<Funding>> funding) {
        this.rosters = rosters;
        this.funding = funding;
    }

    static BrigadeRecords read(RosterRepository rosters, FundingRepository funding, List<String> brigadeIds) {
        return new BrigadeRecords(rosters.rosters(brigadeIds), funding.ofBrigades(brigadeIds));
    }

    StaffingEngine.Result evaluate(StaffingRules rules, BrigadeStandard brigade, int year, LocalDate day) {
        return StaffingEngine.evaluate(rules, brigade.brigadeId(), brigade.level(), brigade.tier(), brigade.payer(),
                rosters.getOrDefault(brigade.brigadeId(), List.of()), funding(brigade.brigadeId()), year, day);
    }

    /** Funding of the year from sources other than the brigade's payer: shown beside the budget, never counted toward it. */
    long otherSourcesYuan(BrigadeStandard brigade, int year) {
        return funding(brigade.brigadeId()).stream().filter(f -> f.year() == year && f.source() != brigade.payer())
                .mapToLong(Funding::amountYuan).sum();
    }

    private List<Funding> funding(String brigadeId) {
        return funding.getOrDefault(brigadeId, List.of());
    }
}
