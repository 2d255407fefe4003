package cn.jincheng.brigades.standin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The latest document per key: {@code $match} on field k, {@code $sort {k: -1, s: -1}} and a
 * {@code $group} by {@code "$k"} of {@code $first}s only, the shape of "the head of each chain".
 * MongoDB answers it with a {@code DISTINCT_SCAN} over an index {@code {k: 1, s: 1}}: one entry per
 * key. The store's own stages read and sort every document of every key, so a report's audit heads
 * cost as much as the chains are long. Here the index's keys give each key's greatest s
 * ({@link H2SecondaryIndex#latestKeys}); the group's fields come from that key when the index holds
 * them all (covered, as MongoDB's scan is with an index {@code {k: 1, s: 1, f: 1}}), else from its
 * document, one read per key. Anything else goes to the store's stages, unchanged.
 */
final class LatestPerKeyStage {

    private final String key;
    private final String order;
    private final Map<String, String> firsts;

    private LatestPerKeyStage(String key, String order, Map<String, String> firsts) {
        this.key = key;
        this.order = order;
        this.firsts = firsts;
    }

    /** The stage for a {@code $match} on one field followed by {@code stages}, if they have the shape; null otherwise. */
    static LatestPerKeyStage of(Document match, List<Document> stages) {
        if (match.size() != 1 || stages.size() != 2 || !(stages.get(0).get("$sort") instanceof Document sort)
                || stages.get(0).size() != 1 || sort.size() != 2 || !(stages.get(1).get("$group") instanceof Document group)
                || stages.get(1).size() != 1) {
            return null;
        }
        List<String> sorted = List.copyOf(sort.keySet());
        String key = sorted.get(0);
        if (!match.containsKey(key) || !descending(sort.get(key)) || !descending(sort.get(sorted.get(1)))
                || !("$" + key).equals(group.get("_id"))) {
            return null;
        }
        Map<String, String> firsts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : group.entrySet()) {
            if (e.getKey().equals("_id")) {
                continue;
            }
            if (!(e.getValue() instanceof Document acc) || acc.size() != 1 || !(acc.get("$first") instanceof String field)
                    || !field.startsWith("$") || field.startsWith("$$") || field.indexOf('.') >= 0) {
                return null;
            }
            firsts.put(e.getKey(), field.substring(1));
        }
        return new LatestPerKeyStage(key, sorted.get(1), firsts);
    }

    private static boolean descending(Object direction) {
        return direction instanceof Number n && n.doubleValue() == -1;
    }

    String key() {
        return key;
    }

    String order() {
        return order;
    }

    /** The fields a group takes from its key's latest document: the key and each {@code $first}'s. */
    java.util.Set<String> fields() {
        java.util.Set<String> fields = new java.util.HashSet<>(firsts.values());
        fields.add(key);
        return fields;
    }

    /** The group of one key from its latest document (or the fields of it that {@link #fields} names). */
    Document group(Document latest) {
        Document group = new Document("_id", latest.get(key));
        firsts.forEach((name, field) -> group.put(name, latest.get(field)));
        return group;
    }
}
