package cn.jincheng.brigades.standin;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Documents in the embedded store are BSON on disk, come back exactly as they went in, and a store
 * written by the stock backend (Java-serialized documents) is still read, and converted as its
 * documents are written.
 */
class BsonDocumentTypeTest {

    private static org.bson.Document everyType(String id) {
        return new org.bson.Document("_id", id)
                .append("text", "高都镇 专职消防队").append("int", 42).append("long", 5_000_000_000L)
                .append("double", -0.5).append("decimal", Decimal128.parse("50000.00")).append("yes", true)
                .append("nothing", null).append("when", new Date(1_577_836_800_000L)).append("oid", new ObjectId())
                .append("uuid", UUID.fromString("c0ffee00-0000-4000-8000-000000000001"))
                .append("nested", new org.bson.Document("floorArea", 611.5).append("bays", List.of(1, 2, 3)))
                .append("outbox", List.of(new org.bson.Document("_id", "e1").append("at", new Date(0))))
                .append("empty", List.of());
    }

    @Test
    void documentsOfEveryTypeComeBackEqualAfterARestartAndAreStoredAsBson() {
        Path dir = TestDirs.fresh("bson-store");
        List<org.bson.Document> written = new ArrayList<>();
        try (ConnectedStore store = ConnectedStore.in(dir)) {
            MongoCollection<org.bson.Document> items = store.database().getCollection("items");
            for (int i = 0; i < 50; i++) {
                written.add(everyType("item-" + i));
            }
            items.insertMany(written);
        }
        try (ConnectedStore store = ConnectedStore.in(dir)) {
            MongoCollection<org.bson.Document> items = store.database().getCollection("items");
            List<org.bson.Document> read = items.find().into(new ArrayList<>());
            assertThat(read).containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(firstBytes(dir.resolve("store.mv.db"), "databases.test.items").values())
                .containsOnly(BsonDocumentType.BSON).hasSize(50);
    }

    @Test
    void aStoreWrittenByTheStockBackendIsReadAndItsDocumentsBecomeBsonWhenWritten() {
        Path dir = TestDirs.fresh("legacy-store");
        List<org.bson.Document> written = List.of(everyType("a"), everyType("b"), everyType("c"));
        StockStore.write(dir.resolve("store.mv.db"), "/?uuidRepresentation=standard",
                client -> client.getDatabase("test").getCollection("items").insertMany(written));
        assertThat(firstBytes(dir.resolve("store.mv.db"), "databases.test.items").values())
                .doesNotContain(BsonDocumentType.BSON).hasSize(3);

        try (ConnectedStore store = ConnectedStore.in(dir)) {
            MongoCollection<org.bson.Document> items = store.database().getCollection("items");
            assertThat(items.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(written);
            items.updateOne(eq("_id", "b"), Updates.set("int", 43));
            assertThat(items.find(eq("_id", "b")).first().getInteger("int")).isEqualTo(43);
        }
        Map<Object, Byte> tags = firstBytes(dir.resolve("store.mv.db"), "databases.test.items");
        assertThat(tags.get("b")).isEqualTo(BsonDocumentType.BSON);
        assertThat(tags.get("a")).isNotEqualTo(BsonDocumentType.BSON);
        try (ConnectedStore store = ConnectedStore.in(dir)) {
            List<org.bson.Document> read = store.database().getCollection("items").find().into(new ArrayList<>());
            assertThat(read).hasSize(3).contains(written.get(0), written.get(2));
            assertThat(read).filteredOn(d -> d.get("_id").equals("b")).singleElement()
                    .satisfies(d -> assertThat(d.getInteger("int")).isEqualTo(43));
        }
    }

    @Test
    void aValueBsonCannotHoldIsKeptTheOldWayAndReadBack() {
        Document document = new Document("_id", "x").append("small", (short) 7).append("text", "ok");
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(buffer, document);
        ByteBuffer bytes = buffer.getBuffer().flip();
        assertThat(bytes.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(document);
        assertThat(bytes.remaining()).isZero();
    }

    @Test
    void aBsonValueIsReadToItsEndAndNoFurther() {
        WriteBuffer buffer = new WriteBuffer();
        Document first = new Document("_id", "1").append("quantity", 5);
        Document second = new Document("_id", "2").append("nested", new Document("a", List.of("x", "y")));
        BsonDocumentType.INSTANCE.write(buffer, first);
        BsonDocumentType.INSTANCE.write(buffer, second);
        ByteBuffer bytes = buffer.getBuffer().flip();
        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(first);
        assertThat(BsonDocumentType.INSTANCE.read(bytes)).isEqualTo(second);
        assertThat(bytes.remaining()).isZero();
    }

    /** The first stored byte of each value of a map, read from the file directly. */
    private static Map<Object, Byte> firstBytes(Path file, String mapName) {
        Map<Object, Byte> tags = new HashMap<>();
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, Byte> map = store.openMap(mapName, new MVMap.Builder<Object, Byte>().valueType(new FirstByte()));
            map.forEach(tags::put);
        } finally {
            store.close();
        }
        return tags;
    }

    /** Reads a value as its first byte and skips the rest: a read-only probe of how values are stored. */
    private static final class FirstByte extends BasicDataType<Byte> {

        @Override
        public Byte read(ByteBuffer buffer) {
            byte first = buffer.get(buffer.position());
            // the rest of the value is whatever either format wrote; read it with the real type to skip it
            BsonDocumentType.INSTANCE.read(buffer);
            return first;
        }

        @Override
        public void write(WriteBuffer buffer, Byte value) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public int getMemory(Byte value) {
            return 16;
        }

        @Override
        public Byte[] createStorage(int size) {
            return new Byte[size];
        }
    }
}
