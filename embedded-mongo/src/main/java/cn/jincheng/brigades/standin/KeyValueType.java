package cn.jincheng.brigades.standin;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * How the embedded store keeps the keys of a unique index (the {@code _id} index of every
 * collection, plate numbers, audit entry ids): as BSON, ordered by their values' encoding.
 * <p>
 * Left to MVStore's {@link ObjectDataType}, such a key is Java-serialized, and two keys are
 * compared by serializing both and comparing the bytes: every step of every B-tree search
 * serialized two objects. Here a comparison encodes the values as short text
 * ({@link H2SecondaryIndex#encode}, under which values MongoDB calls equal are equal), which is
 * all a unique index needs: an order in which equal keys meet. It is not the order the old maps
 * were sorted in, so the indexes that use it live in maps of their own, built afresh from the
 * documents (see {@link IndexedH2Database}).
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();

    private KeyValueType() {
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        Document values = new Document();
        int i = 0;
        for (Object value : key) {
            values.put(Integer.toString(i++), value);
        }
        BsonDocumentType.INSTANCE.write(buffer, values);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object stored = BsonDocumentType.INSTANCE.read(buffer);
        return new KeyValue(new ArrayList<>(((Document) stored).values()));
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        return encode(a).compareTo(encode(b));
    }

    private static String encode(KeyValue key) {
        if (key.size() == 1) {
            return H2SecondaryIndex.encode(key.get(0));
        }
        List<String> parts = new ArrayList<>(key.size());
        key.forEach(value -> parts.add(H2SecondaryIndex.encode(value)));
        return String.join("\u0001", parts);
    }

    @Override
    public int getMemory(KeyValue key) {
        int size = 48;
        for (Object value : key) {
            size += value instanceof String s ? 40 + 2 * s.length() : 32;
        }
        return size;
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
