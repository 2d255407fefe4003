package cn.jincheng.brigades.standin;

import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Reads back the values of an index entry's key, as {@link H2SecondaryIndex#encode} wrote them:
 * strings, numbers and booleans come back; a missing field or a null comes back absent; values the
 * encoding keeps only as text (dates, sub-documents, arrays, ids of other types) make the key
 * {@link Unreadable}, and the caller reads the documents instead.
 */
final class IndexKeyDecoding {

    private static final char END_OF_VALUE = '\u0001';
    private static final char ESCAPE = '\u0002';
    private static final Object UNREADABLE = new Object();

    /** A key with a value that cannot be read back: the answer must come from the documents. */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super("an index key holds a value that cannot be read back", null, false, false);
        }
    }
    private static final Object ABSENT = new Object();

    private IndexKeyDecoding() {
    }

    /**
     * The wanted fields of one entry (its key up to the position), the index's fields named in
     * index order; the others are not read, so a key field of a type that cannot be read back
     * (an {@code ObjectId} {@code _id}, say) is no obstacle unless it is wanted.
     */
    static Document fields(String encodedValues, List<String> names, Set<String> wanted) {
        return fields(encodedValues, encodedValues.length(), names, wanted);
    }

    /**
     * As {@link #fields(String, List, Set)}, for the values in the first {@code length} characters
     * of {@code encodedValues} (an index entry's key, whose values are followed by what tells its
     * documents apart): read in place, with no copy of the key's values.
     */
    static Document fields(String encodedValues, int length, List<String> names, Set<String> wanted) {
        Document fields = new Document();
        int start = 0;
        for (String name : names) {
            int end = encodedValues.indexOf(END_OF_VALUE, start);
            if (end < 0 || end > length) {
                end = length;
            }
            if (!wanted.contains(name)) {
                start = end + 1;
                continue;
            }
            Object value = value(encodedValues, start, end);
            if (value == UNREADABLE) {
                throw new Unreadable();
            }
            if (value != ABSENT) {
                fields.put(name, value);
            }
            start = end + 1;
        }
        return fields;
    }

    /** The value encoded in {@code encodedValues} from {@code start} to {@code end}: a type letter, then its text. */
    private static Object value(String encodedValues, int start, int end) {
        if (start >= end) {
            return UNREADABLE;
        }
        return switch (encodedValues.charAt(start)) {
            case 's' -> unescape(encodedValues.substring(start + 1, end));
            case 'n' -> number(encodedValues.substring(start + 1, end));
            case 'b' -> Boolean.valueOf(encodedValues.substring(start + 1, end));
            case 'z' -> ABSENT;
            default -> UNREADABLE;
        };
    }

    /**
     * A number as {@link H2SecondaryIndex#encode} wrote it (plain digits, or NaN and the
     * infinities): a whole number that fits a long as the narrowest of int and long, anything else
     * (a fraction, a whole number beyond a long) as a double. Keys hold whole numbers nearly always,
     * so the exception of the fallback is the rare path.
     */
    private static Object number(String text) {
        try {
            long whole = Long.parseLong(text);
            return whole == (int) whole ? (Object) (int) whole : (Object) whole;
        } catch (NumberFormatException notAWholeLong) {
            return Double.parseDouble(text);
        }
    }

    private static String unescape(String text) {
        if (text.indexOf(ESCAPE) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE && i + 1 < text.length()) {
                out.append((char) (text.charAt(++i) - '0'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
