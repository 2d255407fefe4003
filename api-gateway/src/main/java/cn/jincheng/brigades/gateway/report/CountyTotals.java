package cn.jincheng.brigades.gateway.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-county totals, counted as rows stream past: memory grows with counties, not brigades. */
public final class CountyTotals {

    /** One county's line. */
    public record County(String id, String name, int total, int accepted, int rejected, int pending, int deferred,
            int unavailable) {
    }

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    public void add(ReportRow row) {
        names.putIfAbsent(row.county(), row.countyName());
        int[] c = counts.computeIfAbsent(row.county(), k -> new int[6]);
        c[0]++;
        switch (row.outcome()) {
            case "ACCEPTED" -> c[1]++;
            case "REJECTED" -> c[2]++;
            case "DEFERRED" -> c[4]++;
            case "UNAVAILABLE" -> c[5]++;
            default -> c[3]++;
        }
    }

    public List<County> counties() {
        List<County> result = new ArrayList<>();
        counts.forEach((id, c) -> result.add(new County(id, names.get(id), c[0], c[1], c[2], c[3], c[4], c[5])));
        return result;
    }
}
