package cn.jincheng.brigades.standin;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How the embedded store keeps a document on disk: as BSON, the form it arrived in over the wire.
 * <p>
 * mongo-java-server's H2 backend leaves the value type of its collections to MVStore's
 * {@link ObjectDataType}, which does not know its documents and falls back to Java serialization:
 * about 80 µs to write and read back a seven-field equipment holding, and 572 bytes for it, where
 * BSON takes about 1.5 µs and 185 bytes. With 100 holdings per brigade that was most of the
 * acceptance report's time (see BENCHMARKS.md).
 * <p>
 * Files written before keep their Java-serialized values: a BSON value begins with a tag
 * ({@value #BSON}) that {@link ObjectDataType} never writes, and anything else is read the old
 * way, so a store is converted document by document as documents are written, with no migration
 * step. A value BSON cannot hold (no such value arrives over the wire, but the store's own code
 * could make one) is kept the old way too rather than refused.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Above every type and tag byte {@link ObjectDataType} writes (its highest is 119). */
    static final byte BSON = (byte) 0xB5;

    private final ObjectDataType legacy = new ObjectDataType();

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (IllegalArgumentException notBson) {
            legacy.write(buffer, document);
            return;
        }
        buffer.put(BSON).put(bson.nioBuffer());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) legacy.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.duplicate());
        Document document = BsonDecoder.decodeBson(bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * Values are never ordered, only compared for equality (by MVMap's replace(key, old, new)),
     * so any non-zero answer for unequal documents will do.
     */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    /** What a document costs in the page cache, roughly: the cache's size is only as good as this. */
    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    private static int estimate(Object value) {
        if (value instanceof String s) {
            return 40 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += 32 + estimate(e.getKey()) + estimate(e.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            int size = 40;
            for (Object element : list) {
                size += 8 + estimate(element);
            }
            return size;
        }
        return 24;
    }
}
