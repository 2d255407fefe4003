package cn.jincheng.brigades.standin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The fields a query reads, when the query can be decided from index keys alone: plain
 * (undotted) fields compared with {@code $eq $ne $gt $gte $lt $lte $in $nin} or by value, under
 * any nesting of {@code $and $or $nor}. An index entry cannot tell a missing field from a null
 * one, nor an array from its elements, so {@code $exists}, {@code $type}, {@code $elemMatch},
 * {@code $size} and every other operator make the query uncovered (null), as do matches on
 * whole sub-documents; the store then reads the documents.
 */
final class CoveredFields {

    private static final Set<String> LOGICAL = Set.of("$and", "$or", "$nor");
    private static final Set<String> COMPARISONS = Set.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin");

    private CoveredFields() {
    }

    /** The fields the query reads, or null when index keys cannot decide it. */
    static Set<String> of(Document query) {
        Set<String> fields = new HashSet<>();
        return collect(query, fields) ? fields : null;
    }

    private static boolean collect(Document query, Set<String> fields) {
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            String key = clause.getKey();
            if (LOGICAL.contains(key)) {
                if (!(clause.getValue() instanceof List<?> parts) || parts.isEmpty()) {
                    return false;
                }
                for (Object part : parts) {
                    if (!(part instanceof Document d) || !collect(d, fields)) {
                        return false;
                    }
                }
            } else if (key.startsWith("$") || key.contains(".") || !comparable(clause.getValue())) {
                return false;
            } else {
                fields.add(key);
            }
        }
        return true;
    }

    /** A value compared with the field: a scalar, or a document of comparison operators on scalars. */
    private static boolean comparable(Object condition) {
        if (condition instanceof Document d) {
            if (d.isEmpty()) {
                return false;
            }
            for (Map.Entry<String, Object> op : d.entrySet()) {
                if (!COMPARISONS.contains(op.getKey())) {
                    return false;
                }
                Object operand = op.getValue();
                if (op.getKey().endsWith("in")
                        ? !(operand instanceof List<?> values) || !values.stream().allMatch(CoveredFields::scalar)
                        : !scalar(operand)) {
                    return false;
                }
            }
            return true;
        }
        return scalar(condition);
    }

    private static boolean scalar(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
    }
}
