package cn.jincheng.brigades.standin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Finds the condition on one field in a query, at its top level or as one clause of a top-level
 * {@code $and} (the driver writes {@code and(a, b)} as {@code {$and: [a, b]}}), and what is left of
 * the query without it.
 */
final class QueryClauses {

    private static final String AND = "$and";

    private QueryClauses() {
    }

    /** The fields the query conditions where this looks: its top level, and the one-field clauses of a top-level $and. */
    static Set<String> fields(Document query) {
        Set<String> fields = new HashSet<>(query.keySet());
        if (query.size() == 1 && query.get(AND) instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document d && d.size() == 1) {
                    fields.addAll(d.keySet());
                }
            }
        }
        return fields;
    }

    /** The condition on the field, or null when the query has none where this looks. */
    static Object conditionOn(Document query, String field) {
        if (query.containsKey(field)) {
            return query.get(field);
        }
        if (query.size() == 1 && query.get(AND) instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document d && d.size() == 1 && d.containsKey(field)) {
                    return d.get(field);
                }
            }
        }
        return null;
    }

    /**
     * A top-level {@code $and} of one-field clauses on distinct fields as the one document it
     * means ({@code {$and: [{_id: x}, {f: {$exists: false}}]}} is {@code {_id: x, f: {$exists: false}}}),
     * so that the store's own indexes, which look at the top level only, find the {@code _id}
     * lookup a driver's {@code and(eq("_id", x), ...)} is: MongoDB plans both alike. Any other
     * query is returned unchanged.
     */
    static Document flattened(Document query) {
        if (query.size() != 1 || !(query.get(AND) instanceof List<?> clauses) || clauses.isEmpty()) {
            return query;
        }
        Document flat = new Document();
        for (Object clause : clauses) {
            if (!(clause instanceof Document d) || d.size() != 1) {
                return query;
            }
            String field = d.keySet().iterator().next();
            if (field.startsWith("$") || flat.containsKey(field)) {
                return query;
            }
            flat.put(field, d.get(field));
        }
        return flat;
    }

    /** The query without its condition on the field (as found by {@link #conditionOn}); empty when nothing is left. */
    static Document without(Document query, String field) {
        if (query.containsKey(field)) {
            Document rest = new Document(query);
            rest.remove(field);
            return rest;
        }
        List<Object> others = new ArrayList<>((List<?>) query.get(AND));
        for (int i = 0; i < others.size(); i++) {
            if (others.get(i) instanceof Document d && d.size() == 1 && d.containsKey(field)) {
                others.remove(i);
                break;
            }
        }
        return others.isEmpty() ? new Document() : new Document(AND, others);
    }
}
