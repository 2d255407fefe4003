package cn.jincheng.brigades.standin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index for the embedded store, which mongo-java-server does not have: it logs
 * "adding secondary index ... is not yet implemented" and answers every query on such a field by
 * reading the whole collection. With ~100 equipment items per brigade that made each of the
 * report's batch reads a scan of every item in the city.
 * <p>
 * The index is an MVMap in the same MVStore as the documents, so it is written and committed with
 * them (one commit per write, see {@link DurableH2Backend}) and survives restarts. Each entry's
 * key is the document's key values and its position, encoded as text with the values' types kept
 * apart; the entry's value is the position. A query by the index's first key, with one value or
 * {@code $in} (alone, beside other fields, or as a clause of a top-level {@code $and}), reads the
 * entries under that value's prefix; the store still applies the whole query
 * to the documents found, so the index only has to find a superset, never to decide.
 */
final class H2SecondaryIndex extends Index<Object> {

    private static final char END_OF_VALUE = '\u0001';
    private static final char END_OF_KEY = '\u0000';
    /** A number as {@link #encode} writes it: the letter n, then plain digits. */
    private static final java.util.regex.Pattern NUMBER_VALUE =
            java.util.regex.Pattern.compile("n-?[0-9]+(\\.[0-9]+)?");
    private static final char ESCAPE = '\u0002';

    /**
     * An entry that says the index has been built. mongo-java-server builds an index that says it
     * is empty from every document of its collection each time the store opens: a sparse index with
     * nothing in it (no audit entry waiting) read all 3.6 million holdings at every start.
     */
    private static final String BUILT = END_OF_KEY + "built";
    /**
     * Marks for covering: an index created by this version knows whether any document gave it more
     * than one entry (an array among its fields); only such an index, with none, can answer for
     * its documents from its keys ({@link #covered}). Real entries start with a type letter, so
     * no entry sorts among the marks.
     */
    private static final String ENTRIES_COUNTED = END_OF_KEY + "entries-counted";
    private static final String MULTIKEY = END_OF_KEY + "multikey";
    private static final List<String> MARKS = List.of(BUILT, ENTRIES_COUNTED, MULTIKEY);
    private static final String FIRST_ENTRY = "a";

    private final MVMap<String, Object> entries;
    private final String firstKey;

    H2SecondaryIndex(MVMap<String, Object> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
        this.firstKey = keys.get(0).getKey();
        if (!entries.containsKey(ENTRIES_COUNTED)) {
            // new, or from before the marks: such an index never knew whether a document gave it
            // several entries, so it could never answer from its keys; built again from the
            // documents (once, at this open), it can
            entries.clear();
            entries.put(ENTRIES_COUNTED, ENTRIES_COUNTED);
        }
    }

    @Override
    public boolean canHandle(Document query) {
        Object condition = QueryClauses.conditionOn(query, firstKey);
        return condition != null && queriedValues(condition) != null;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        List<Object> positions = new ArrayList<>();
        for (Object value : queriedValues(QueryClauses.conditionOn(query, firstKey))) {
            keysUnder(value).forEach(key -> positions.add(entries.get(key)));
        }
        // in the documents' own order (by _id), so that the store reads its pages front to back
        // and each once, rather than one page per document
        if (positions.stream().allMatch(String.class::isInstance)) {
            positions.sort(Comparator.comparing(String.class::cast));
        }
        return positions;
    }

    /** The keys of the entries whose first field holds the value, in key order. */
    private Stream<String> keysUnder(Object value) {
        String prefix = encode(value) + (keys().size() == 1 ? END_OF_KEY : END_OF_VALUE);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries.keyIterator(prefix), Spliterator.ORDERED), false)
                .takeWhile(key -> key.startsWith(prefix));
    }

    /** The values a query asks for: one scalar, or a {@code $in} of scalars; null when neither. */
    private static List<Object> queriedValues(Object condition) {
        if (isScalar(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(H2SecondaryIndex::isScalar)) {
            return new ArrayList<>(values);
        }
        return null;
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    /** A sparse index leaves out the documents that have none of its fields. */
    private boolean leavesOut(Document document) {
        return isSparse() && keys().stream().allMatch(key -> Utils.getSubdocumentValue(document, key) instanceof Missing);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (leavesOut(document)) {
            return;
        }
        Set<KeyValue> keyValues = getKeyValues(document);
        noteMultikey(keyValues);
        for (KeyValue values : keyValues) {
            entries.put(entryKey(values, position), position);
        }
    }

    private void noteMultikey(Set<KeyValue> keyValues) {
        if (keyValues.size() != 1) {
            entries.putIfAbsent(MULTIKEY, MULTIKEY);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        if (!leavesOut(document)) {
            for (KeyValue values : getKeyValues(document)) {
                entries.remove(entryKey(values, position));
            }
        }
        return position;
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        Set<KeyValue> before = leavesOut(oldDocument) ? Set.of() : getKeyValues(oldDocument);
        Set<KeyValue> after = leavesOut(newDocument) ? Set.of() : getKeyValues(newDocument);
        if (before.equals(after)) {
            return;
        }
        if (!leavesOut(newDocument)) {
            noteMultikey(after);
        }
        before.forEach(values -> entries.remove(entryKey(values, position)));
        after.forEach(values -> entries.put(entryKey(values, position), position));
    }

    /** The store keeps a document under its {@code _id}: that is its position, for every index alike. */
    @Override
    public Object getPosition(Document document) {
        return positionOf(document);
    }

    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing can conflict
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong() - MARKS.stream().filter(entries::containsKey).count();
    }

    /**
     * Empty in the sense the store asks: not built yet, so that the store builds it from the
     * documents. An index created by this version is built once marked so: a build cut short (the
     * process killed while a large collection was being indexed) is done again at the next start
     * rather than left with part of its entries. An index from before the marks is emptied when it
     * is opened, and so built again.
     */
    @Override
    public boolean isEmpty() {
        return !entries.containsKey(BUILT);
    }

    /**
     * For each value the query asks of the index's first field, the key of the entry with the
     * greatest number in its second field, read from the keys alone; null when the index cannot say
     * (its first two fields are not {@code first, second}, sparse, multikey, or a second value
     * that is not a number: the store's own stages decide then). Values without entries are left
     * out. The entry's document is at {@link #positionOf}; {@link #fieldsOf} reads the key's values.
     */
    Map<Object, String> latestKeys(Document query, String first, String second) {
        Object condition = QueryClauses.conditionOn(query, firstKey);
        List<Object> values = condition == null ? null : queriedValues(condition);
        if (values == null || !keysStandForDocuments() || keys().size() < 2 || !keys().get(0).equals(first)
                || !keys().get(1).equals(second)) {
            return null;
        }
        Map<Object, String> latest = new java.util.LinkedHashMap<>();
        for (Object value : values) {
            java.math.BigDecimal greatest = null;
            String at = null;
            for (Iterator<String> keys = keysUnder(value).iterator(); keys.hasNext();) {
                String key = keys.next();
                int from = valueEnd(key, 0) + 1;
                String number = key.substring(from, valueEnd(key, from));
                if (!NUMBER_VALUE.matcher(number).matches()) {
                    return null;
                }
                java.math.BigDecimal n = new java.math.BigDecimal(number.substring(1));
                if (greatest == null || n.compareTo(greatest) > 0) {
                    greatest = n;
                    at = key;
                }
            }
            if (at != null) {
                latest.put(value, at);
            }
        }
        return latest;
    }

    /** The position of the document an entry's key (from {@link #latestKeys}) stands for. */
    Object positionOf(String key) {
        return entries.get(key);
    }

    /**
     * The wanted fields read from an entry's key (from {@link #latestKeys}), as {@link #covered}
     * reads them; the index must {@link #holds hold} them. Throws
     * {@link IndexKeyDecoding.Unreadable} for a value the encoding does not give back.
     */
    Document fieldsOf(String key, Set<String> wanted) {
        return IndexKeyDecoding.fields(key, key.indexOf(END_OF_KEY), keys(), wanted);
    }

    /** Whether the index's keys hold every one of {@code fields}, so that they can be read from its keys. */
    boolean holds(Set<String> fields) {
        return keys().containsAll(fields) && keys().stream().noneMatch(n -> n.contains("."));
    }

    /**
     * Whether the keys answer for the documents: every document has an entry (not sparse) and just
     * one (no document gave it several). Every open index knows the latter: one without the count
     * is built again when it is opened.
     */
    private boolean keysStandForDocuments() {
        return !isSparse() && !entries.containsKey(MULTIKEY);
    }

    /**
     * The wanted fields of each document the query's value(s) of the index's first field select,
     * decoded from the entries' keys without reading a document, as MongoDB answers a covered
     * query; null when the index cannot: not all of {@code fields} are its keys, it is sparse, it
     * has documents with several entries. A key holding a value the encoding does not give back
     * throws {@link IndexKeyDecoding.Unreadable} as it is reached. Decoded, a missing field and a
     * null are both absent, and a number is the narrowest of int, long and double that holds it (the encoding keeps
     * values, not types: an int-sized sum of longs comes back as an int).
     */
    Stream<Document> covered(Document query, Set<String> fields) {
        Object condition = QueryClauses.conditionOn(query, firstKey);
        List<Object> values = condition == null ? null : queriedValues(condition);
        if (values == null || !keysStandForDocuments() || !holds(fields)) {
            return null;
        }
        return values.stream().flatMap(value -> keysUnder(value).map(key -> fieldsOf(key, fields)));
    }

    /** Whether the index's first field is {@code field}. */
    boolean leadsWith(String field) {
        return firstKey.equals(field);
    }

    /**
     * The distinct values of the index's first field, read from its keys with one skip past each
     * value's entries, as MongoDB answers {@code distinct} on an indexed field (a DISTINCT_SCAN);
     * null when the keys cannot say: a value the encoding does not give back, or a null or missing
     * field among them (distinct lists the one and leaves out the other; the keys do not tell them
     * apart). In the order of the keys, which is not MongoDB's order for numbers.
     */
    List<Object> distinctFirstValues() {
        List<String> names = List.of(firstKey);
        Set<String> wanted = Set.of(firstKey);
        List<Object> values = new ArrayList<>();
        for (String key = entries.ceilingKey(FIRST_ENTRY); key != null;) {
            String first = key.substring(0, valueEnd(key, 0));
            Document fields;
            try {
                fields = IndexKeyDecoding.fields(first, names, wanted);
            } catch (IndexKeyDecoding.Unreadable e) {
                return null;
            }
            if (!fields.containsKey(firstKey)) {
                return null;
            }
            values.add(fields.get(firstKey));
            // every entry of this value goes on with a separator, which sorts below the escape
            // character; the next key at or above that is the next value's first entry
            key = entries.ceilingKey(first + ESCAPE);
        }
        return values;
    }

    /** Where the value of {@code key} starting at {@code from} ends: at its separator or the end of the values. */
    private static int valueEnd(String key, int from) {
        for (int i = from; i < key.length(); i++) {
            if (key.charAt(i) == END_OF_VALUE || key.charAt(i) == END_OF_KEY) {
                return i;
            }
        }
        return key.length();
    }

    /** Called once the collection has built the index from its documents. */
    void markBuilt() {
        entries.putIfAbsent(BUILT, BUILT);
    }

    @Override
    public long getDataSize() {
        return 0; // not tracked; collStats reports it as such
    }

    @Override
    public void drop() {
        entries.store.removeMap(entries);
    }

    private static String entryKey(KeyValue values, Object position) {
        StringBuilder key = new StringBuilder();
        for (Object value : values) {
            key.append(encode(value)).append(END_OF_VALUE);
        }
        key.setLength(key.length() - 1);
        return key.append(END_OF_KEY).append(encode(position)).toString();
    }

    /**
     * A value as text that equals another's exactly when MongoDB would call them equal in a query
     * by value: 1, 1L and 1.0 are one number; "1" is not a number; separators inside strings are
     * escaped so that no value can run into the next.
     */
    static String encode(Object value) {
        if (value instanceof String s) {
            return "s" + escape(s);
        }
        if (value instanceof Number n) {
            if (n instanceof Double d && (d.isNaN() || d.isInfinite()) || n instanceof Float f && (f.isNaN() || f.isInfinite())) {
                return "n" + n;
            }
            return "n" + new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return "b" + b;
        }
        if (value == null || value instanceof Missing) {
            return "z";
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return "o" + escape(value.toString());
        }
        return "x" + value.getClass().getSimpleName() + ":" + escape(value.toString());
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == ESCAPE || c == END_OF_VALUE || c == END_OF_KEY) {
                out.append(ESCAPE).append((char) ('0' + c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
