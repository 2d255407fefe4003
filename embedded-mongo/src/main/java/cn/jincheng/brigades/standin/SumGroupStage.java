package cn.jincheng.brigades.standin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A {@code $group} that only sums, keyed by plain fields:
 * {@code {$group: {_id: "$a" | {x: "$a", y: "$b"}, total: {$sum: "$c" | 1}, ...}}}, the shape of a
 * report's totals. The store's own stage evaluates the key and each sum as expressions for every
 * document, which costs about what reading the document did; this reads the fields once and adds
 * into a map. Anything else (dotted paths, other accumulators, computed keys) goes to the store's
 * stage, unchanged.
 * <p>
 * As MongoDB does: a missing key field is null for a single key and left out of a document key;
 * {@code $sum} ignores values that are not numbers; a sum of 32-bit integers stays one while it
 * fits, grows to 64 bits, and becomes a double once a double is added.
 */
final class SumGroupStage {

    private final Object idSpec;
    private final Map<String, Object> sums;

    private SumGroupStage(Object idSpec, Map<String, Object> sums) {
        this.idSpec = idSpec;
        this.sums = sums;
    }

    /** The stage, if {@code stage} is a summing {@code $group} this class answers; null otherwise. */
    static SumGroupStage of(Document stage) {
        if (stage.size() != 1 || !(stage.get("$group") instanceof Document group) || !group.containsKey("_id")) {
            return null;
        }
        Object id = group.get("_id");
        if (!(plainField(id) != null || id instanceof Document d && !d.isEmpty()
                && d.values().stream().allMatch(v -> plainField(v) != null))) {
            return null;
        }
        Map<String, Object> sums = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : group.entrySet()) {
            if (e.getKey().equals("_id")) {
                continue;
            }
            if (!(e.getValue() instanceof Document acc) || acc.size() != 1) {
                return null;
            }
            Object operand = acc.get("$sum");
            if (!(plainField(operand) != null || operand instanceof Integer || operand instanceof Long)) {
                return null;
            }
            sums.put(e.getKey(), operand);
        }
        return new SumGroupStage(id, sums);
    }

    /** The field a {@code "$field"} names, without dots; null for anything else. */
    private static String plainField(Object expression) {
        return expression instanceof String s && s.length() > 1 && s.startsWith("$") && !s.startsWith("$$")
                && s.indexOf('.') < 0 ? s.substring(1) : null;
    }

    /** The fields the stage reads: those of its key and those it sums. */
    Set<String> fields() {
        Set<String> fields = new HashSet<>();
        if (idSpec instanceof Document spec) {
            spec.values().forEach(v -> fields.add(plainField(v)));
        } else {
            fields.add(plainField(idSpec));
        }
        sums.values().stream().map(SumGroupStage::plainField).filter(f -> f != null).forEach(fields::add);
        return fields;
    }

    Stream<Document> apply(Stream<Document> documents) {
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        documents.forEach(d -> {
            List<Object> key = key(d);
            groups.computeIfAbsent(key, k -> new Group(idOf(d), sums.size())).add(d, sums);
        });
        List<Document> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            Document result = new Document("_id", g.id);
            int i = 0;
            for (String field : sums.keySet()) {
                result.put(field, g.total(i++));
            }
            out.add(result);
        }
        return out.stream();
    }

    /** Grouping equality: numbers by value, as MongoDB compares them. */
    private List<Object> key(Document d) {
        List<Object> key = new ArrayList<>(2);
        if (idSpec instanceof Document spec) {
            for (Object v : spec.values()) {
                key.add(normal(d.get(plainField(v))));
            }
        } else {
            key.add(normal(d.get(plainField(idSpec))));
        }
        return key;
    }

    private static Object normal(Object v) {
        return v instanceof Number n && !(v instanceof Double) ? (Object) n.longValue()
                : v instanceof Double x && x == Math.rint(x) && !Double.isInfinite(x) ? (Object) x.longValue() : v;
    }

    private Object idOf(Document d) {
        if (idSpec instanceof Document spec) {
            Document id = new Document();
            for (Map.Entry<String, Object> e : spec.entrySet()) {
                String field = plainField(e.getValue());
                if (d.containsKey(field)) {
                    id.put(e.getKey(), d.get(field));
                }
            }
            return id;
        }
        return d.get(plainField(idSpec));
    }

    /** One group's key and running sums. */
    private static final class Group {
        final Object id;
        final long[] whole;
        final double[] fractional;
        final boolean[] wide;
        final boolean[] isDouble;

        Group(Object id, int sums) {
            this.id = id;
            this.whole = new long[sums];
            this.fractional = new double[sums];
            this.wide = new boolean[sums];
            this.isDouble = new boolean[sums];
        }

        void add(Document d, Map<String, Object> sums) {
            int i = 0;
            for (Object operand : sums.values()) {
                Object value = operand instanceof String path ? d.get(path.substring(1)) : operand;
                if (value instanceof Integer || value instanceof Long) {
                    long n = ((Number) value).longValue();
                    wide[i] |= value instanceof Long;
                    try {
                        whole[i] = Math.addExact(whole[i], n);
                    } catch (ArithmeticException beyondLong) {
                        fractional[i] += n;
                        isDouble[i] = true;
                    }
                } else if (value instanceof Double x) {
                    fractional[i] += x;
                    isDouble[i] = true;
                }
                i++;
            }
        }

        Object total(int i) {
            if (isDouble[i]) {
                return fractional[i] + whole[i];
            }
            if (!wide[i] && whole[i] >= Integer.MIN_VALUE && whole[i] <= Integer.MAX_VALUE) {
                return (int) whole[i];
            }
            return whole[i];
        }
    }
}
