package cn.jincheng.brigades.standin;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** The field of a single-field key; null when the key is a document. */
    private final String keyField;
    /** A document key's names and the field each takes its value from; empty for a single-field key. */
    private final Map<String, String> keyFields;
    /** The names of the sums, in the stage's order. */
    private final List<String> sumNames;
    /** Each sum's operand: the name of the field it adds (a String), or a constant (an Integer or a Long). */
    private final Object[] operands;

    private SumGroupStage(String keyField, Map<String, String> keyFields, Map<String, Object> sums) {
        // the "$field" expressions are read into field names once here, not once per document
        this.keyField = keyField;
        this.keyFields = keyFields;
        this.sumNames = List.copyOf(sums.keySet());
        this.operands = sums.values().stream().map(o -> o instanceof String s ? plainField(s) : o).toArray();
    }

    /** The stage, if {@code stage} is a summing {@code $group} this class answers; null otherwise. */
    static SumGroupStage of(Document stage) {
        if (stage.size() != 1 || !(stage.get("$group") instanceof Document group) || !group.containsKey("_id")) {
            return null;
        }
        Object id = group.get("_id");
        String keyField = plainField(id);
        Map<String, String> keyFields = new LinkedHashMap<>();
        if (keyField == null) {
            if (!(id instanceof Document d) || d.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, Object> e : d.entrySet()) {
                String field = plainField(e.getValue());
                if (field == null) {
                    return null;
                }
                keyFields.put(e.getKey(), field);
            }
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
        return new SumGroupStage(keyField, keyFields, sums);
    }

    /** The field a {@code "$field"} names, without dots; null for anything else. */
    private static String plainField(Object expression) {
        return expression instanceof String s && s.length() > 1 && s.startsWith("$") && !s.startsWith("$$")
                && s.indexOf('.') < 0 ? s.substring(1) : null;
    }

    /** The fields the stage reads: those of its key and those it sums. */
    Set<String> fields() {
        Set<String> fields = new HashSet<>(keyFields.values());
        if (keyField != null) {
            fields.add(keyField);
        }
        for (Object operand : operands) {
            if (operand instanceof String field) {
                fields.add(field);
            }
        }
        return fields;
    }

    Stream<Document> apply(Stream<Document> documents) {
        Map<Object, Group> groups = new LinkedHashMap<>();
        documents.forEach(d -> groups.computeIfAbsent(key(d), k -> new Group(idOf(d), operands.length)).add(d, operands));
        List<Document> out = new ArrayList<>(groups.size());
        for (Group g : groups.values()) {
            Document result = new Document("_id", g.id);
            for (int i = 0; i < sumNames.size(); i++) {
                result.put(sumNames.get(i), g.total(i));
            }
            out.add(result);
        }
        return out.stream();
    }

    /**
     * Grouping equality: numbers by value, as MongoDB compares them. A single-field key is its
     * value; a document key is the list of its values.
     */
    private Object key(Document d) {
        if (keyField != null) {
            return normal(d.get(keyField));
        }
        Object[] key = new Object[keyFields.size()];
        int i = 0;
        for (String field : keyFields.values()) {
            key[i++] = normal(d.get(field));
        }
        return Arrays.asList(key);
    }

    private static Object normal(Object v) {
        return v instanceof Number n && !(v instanceof Double) ? (Object) n.longValue()
                : v instanceof Double x && x == Math.rint(x) && !Double.isInfinite(x) ? (Object) x.longValue() : v;
    }

    private Object idOf(Document d) {
        if (keyField != null) {
            return d.get(keyField);
        }
        Document id = new Document();
        for (Map.Entry<String, String> e : keyFields.entrySet()) {
            if (d.containsKey(e.getValue())) {
                id.put(e.getKey(), d.get(e.getValue()));
            }
        }
        return id;
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

        void add(Document d, Object[] operands) {
            int i = 0;
            for (Object operand : operands) {
                Object value = operand instanceof String field ? d.get(field) : operand;
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
