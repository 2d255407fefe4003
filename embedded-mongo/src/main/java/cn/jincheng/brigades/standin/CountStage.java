package cn.jincheng.brigades.standin;

import java.util.List;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The stage the drivers' {@code countDocuments} puts after its {@code $match}:
 * {@code {$group: {_id: <constant>, <field>: {$sum: 1}}}}. After an empty {@code $match} it asks
 * for the size of the collection, which the store knows without reading a document.
 */
record CountStage(Object key, String field) {

    /** The count {@code later} is, if it is exactly such a stage; null otherwise. */
    static CountStage of(List<Document> later) {
        if (later.size() != 1 || !(later.get(0).get("$group") instanceof Document group) || group.size() != 2
                || !group.containsKey("_id")) {
            return null;
        }
        Object key = group.get("_id");
        if (key instanceof String s && s.startsWith("$") || key instanceof Document) {
            return null;
        }
        for (String field : group.keySet()) {
            if (!field.equals("_id") && group.get(field) instanceof Document sum && sum.size() == 1
                    && sum.get("$sum") instanceof Number one && one.doubleValue() == 1.0) {
                return new CountStage(key, field);
            }
        }
        return null;
    }

    /** What the stage answers for {@code count} documents: nothing at all for none, as MongoDB does. */
    List<Document> answer(int count) {
        if (count == 0) {
            return List.of();
        }
        Document result = new Document("_id", key);
        result.put(field, count);
        return List.of(result);
    }
}
