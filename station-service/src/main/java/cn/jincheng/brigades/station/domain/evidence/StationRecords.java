package cn.jincheng.brigades.station.domain.evidence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jincheng.brigades.common.domain.evidence.AttachableRecords;
import cn.jincheng.brigades.common.domain.evidence.RecordKind;
import cn.jincheng.brigades.station.domain.Brigade;
import cn.jincheng.brigades.station.domain.BrigadeRepository;
import cn.jincheng.brigades.station.domain.StoredBrigade;

/**
 * The records of station-service that take evidence: a brigade's milestone submissions (by
 * milestone code), its housing (the brigade's id), its inspections (by id), and the acceptance
 * summary of its county ({@code year:countyId}; the brigade's own county, whether or not the summary
 * is written yet, since the photos often come first).
 */
public final class StationRecords implements AttachableRecords {

    private static final Set<RecordKind> KINDS = Set.of(RecordKind.MILESTONE_SUBMISSION, RecordKind.HOUSING,
            RecordKind.INSPECTION, RecordKind.COUNTY_ACCEPTANCE);

    private final BrigadeRepository brigades;

    public StationRecords(BrigadeRepository brigades) {
        this.brigades = brigades;
    }

    @Override
    public Set<RecordKind> kinds() {
        return KINDS;
    }

    @Override
    public Map<String, String> counties(Collection<String> brigadeIds) {
        Map<String, String> counties = new HashMap<>();
        if (brigadeIds.size() == 1) {
            String id = brigadeIds.iterator().next();
            brigades.find(id).map(StoredBrigade::brigade).ifPresent(b -> counties.put(b.id(), b.countyId()));
            return counties;
        }
        brigades.findAll(brigadeIds).forEach(b -> counties.put(b.id(), b.countyId()));
        return counties;
    }

    @Override
    public boolean exists(String brigadeId, String countyId, RecordKind kind, String recordId) {
        if (kind == RecordKind.HOUSING) {
            return recordId.equals(brigadeId);
        }
        if (kind == RecordKind.COUNTY_ACCEPTANCE) {
            return countyAcceptance(recordId, countyId);
        }
        Brigade brigade = brigades.find(brigadeId).map(StoredBrigade::brigade).orElse(null);
        if (brigade == null) {
            return false;
        }
        return switch (kind) {
            case MILESTONE_SUBMISSION -> brigade.milestones().stream().anyMatch(m -> m.id().equals(recordId));
            case INSPECTION -> brigade.inspections().stream().anyMatch(i -> i.id().equals(recordId));
            default -> false;
        };
    }

    /** {@code year:countyId} of the brigade's own county, for a year the system knows (2000–2100). */
    static boolean countyAcceptance(String recordId, String countyId) {
        List<String> parts = List.of(recordId.split(":", -1));
        if (parts.size() != 2 || !parts.get(1).equals(countyId) || !parts.get(0).matches("\\d{4}")) {
            return false;
        }
        int year = Integer.parseInt(parts.get(0));
        return year >= 2000 && year <= 2100;
    }
}
