package cn.jincheng.brigades.bench;

import java.util.List;
import java.util.function.IntFunction;

/**
 * A synthetic city for the scale benchmark, as the bulk-import templates' CSV rows. Brigade
 * {@code n} is the same brigade in every run (ids, levels and items are a pure function of n), so a
 * city of 40,000 is the city of 4,000 plus 36,000 more. Each brigade has its plan's vehicles,
 * {@value #ITEMS_PER_BRIGADE} equipment holdings across the catalog (some of them expired, so the
 * rules have work to do) and {@value #FIREFIGHTERS_PER_BRIGADE} firefighters.
 */
final class SyntheticCity {

    static final int ITEMS_PER_BRIGADE = 100;
    static final int FIREFIGHTERS_PER_BRIGADE = 10;

    private static final String[] ITEM_CODES = {"PPE_HELMET", "PPE_SUIT", "PPE_GLOVES", "PPE_SAFETY_BELT", "PPE_BOOTS",
        "SCBA", "PORTABLE_PUMP", "BRANCH_PIPE", "HYDRANT_WRENCH", "FIRE_HOSE", "CHAINSAW", "FIRE_AXE", "EXTINGUISHER",
        "RESCUE_ROPE"};
    private static final String[] EMPLOYMENT = {"CONTRACT", "LABOUR_DISPATCH", "CAREER"};

    private final List<String> counties;

    SyntheticCity(List<String> counties) {
        this.counties = List.copyOf(counties);
    }

    /** One kind of row: its CSV heading and how many rows brigade n has. */
    enum Kind {
        BRIGADES("brigades", "id,county,town,level,constructionMode"),
        VEHICLES("vehicles", "brigadeId,type,plate,status"),
        EQUIPMENT("equipment", "brigadeId,itemCode,quantity,expiresOn"),
        FIREFIGHTERS("firefighters", "brigadeId,name,employment,startDate");

        final String path;
        final String heading;

        Kind(String path, String heading) {
            this.path = path;
            this.heading = heading;
        }
    }

    static String brigadeId(int n) {
        return String.format("syn-%06d", n);
    }

    private static boolean levelOne(int n) {
        return n % 3 == 0;
    }

    /** The rows of brigade n of a kind. */
    List<String> rows(Kind kind, int n) {
        String id = brigadeId(n);
        return switch (kind) {
            case BRIGADES -> List.of(String.join(",", id, counties.get(n % counties.size()), "合成镇" + n,
                    levelOne(n) ? "LEVEL_ONE" : "LEVEL_TWO", "SELF_BUILT"));
            case VEHICLES -> levelOne(n)
                    ? List.of(vehicle(id, "WATER_TANKER", n, 0), vehicle(id, "RESCUE", n, 1))
                    : List.of(vehicle(id, "WATER_TANKER", n, 0));
            case EQUIPMENT -> repeat(ITEMS_PER_BRIGADE, i -> String.join(",", id, ITEM_CODES[i % ITEM_CODES.length],
                    Integer.toString(1 + (n + i) % 12), i % 10 == 9 ? "2018-12-31" : (i % 2 == 0 ? "2030-06-30" : "")));
            case FIREFIGHTERS -> repeat(FIREFIGHTERS_PER_BRIGADE, i -> String.join(",", id, "队员" + n + "-" + i,
                    EMPLOYMENT[i % EMPLOYMENT.length], "2019-0" + (1 + i % 9) + "-01"));
        };
    }

    private static String vehicle(String id, String type, int n, int second) {
        return String.join(",", id, type, String.format("晋E·%06d", n * 2 + second), "IN_SERVICE");
    }

    private static List<String> repeat(int times, IntFunction<String> row) {
        return java.util.stream.IntStream.range(0, times).mapToObj(row).toList();
    }
}
