package cn.jincheng.brigades.common.persistence;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * The bytes an audit entry's hash and MAC cover, format 2 (docs/adr/0010): the entry's fields
 * rebuilt as a BSON document with every key sorted (at every depth), the chain fields with fixed
 * types (seq an int64, at a datetime, format an int32), and encoded as raw BSON.
 * <p>
 * Raw BSON because its encoding is fixed by the BSON specification: a value has one byte form for
 * its type, with no modes or settings (JSON output of the driver has three modes and changed its
 * default once), and the types the store keeps (int32, int64, double, datetime) stay distinct.
 * Sorted keys because the field order of a stored document is the writer's, not the content's. The
 * values of before/after/request keep the BSON types they were stored with: they are the content.
 */
public final class AuditCanonical {

    /** Format 1: the text form of {@link AuditChain#hash}, unkeyed. */
    public static final int V1 = 1;
    /** Format 2: these bytes, hashed and keyed. */
    public static final int V2 = 2;

    private static final String[] TEXT = { "entryId", "brigadeId", "actor", "role", "action", "prevHash", "keyId" };
    private static final String[] VIEWS = { "before", "after", "request" };

    private AuditCanonical() {
    }

    /** The canonical bytes of a stored (or about to be stored) format-2 entry. */
    public static byte[] entry(BsonDocument stored) {
        Map<String, BsonValue> fields = new TreeMap<>();
        fields.put("format", new BsonInt32(V2));
        for (String field : TEXT) {
            BsonValue v = stored.get(field);
            fields.put(field, v != null && v.isString() ? v : BsonNull.VALUE);
        }
        BsonValue seq = stored.get("seq");
        fields.put("seq", seq != null && seq.isNumber() ? new BsonInt64(seq.asNumber().longValue()) : BsonNull.VALUE);
        BsonValue at = stored.get("at");
        fields.put("at", at != null && at.isDateTime() ? at : BsonNull.VALUE);
        for (String field : VIEWS) {
            BsonValue v = stored.get(field);
            fields.put(field, v == null ? BsonNull.VALUE : sorted(v));
        }
        return encode(fields);
    }

    /** The canonical bytes of a signed chain head. */
    public static byte[] anchor(String brigadeId, long seq, String hash, Instant at, String keyId) {
        Map<String, BsonValue> fields = new TreeMap<>();
        fields.put("kind", new BsonString("audit-anchor"));
        fields.put("brigadeId", new BsonString(brigadeId));
        fields.put("seq", new BsonInt64(seq));
        fields.put("hash", new BsonString(hash));
        fields.put("at", new BsonDateTime(at.toEpochMilli()));
        fields.put("keyId", new BsonString(keyId));
        return encode(fields);
    }

    private static BsonValue sorted(BsonValue value) {
        if (value.isDocument()) {
            Map<String, BsonValue> fields = new TreeMap<>();
            value.asDocument().forEach((k, v) -> fields.put(k, sorted(v)));
            BsonDocument out = new BsonDocument();
            fields.forEach(out::append);
            return out;
        }
        if (value.isArray()) {
            BsonArray out = new BsonArray();
            value.asArray().forEach(v -> out.add(sorted(v)));
            return out;
        }
        return value;
    }

    private static byte[] encode(Map<String, BsonValue> sortedFields) {
        BsonDocument document = new BsonDocument();
        sortedFields.forEach(document::append);
        ByteBuffer buffer = new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
