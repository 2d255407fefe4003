package cn.jincheng.brigades.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

/**
 * The canonical form of format 2 is pinned: these bytes and hashes were computed once and written
 * here, so a driver (or code) change that alters them fails this test before it breaks stored chains.
 */
class AuditCanonicalTest {

    static BsonDocument entry() {
        return new BsonDocument("_id", new BsonString("zezhou-gaodu#2"))
                .append("brigadeId", new BsonString("zezhou-gaodu"))
                .append("at", new BsonDateTime(1_564_617_600_000L))
                .append("actor", new BsonString("clerk-zezhou"))
                .append("role", new BsonString("COUNTY_CLERK"))
                .append("action", new BsonString("brigade.update"))
                .append("before", new BsonDocument("notes", new BsonString("旧")).append("floorAreaM2", new BsonDouble(600.5)))
                .append("after", new BsonDocument("notes", new BsonString("新")).append("version", new BsonInt64(2))
                        .append("rooms", new BsonArray(java.util.List.of(new BsonInt32(3), new BsonBoolean(true)))))
                .append("request", BsonNull.VALUE)
                .append("entryId", new BsonString("7d3c1a52-0000-4000-8000-000000000002"))
                .append("seq", new BsonInt64(2))
                .append("prevHash", new BsonString("ab".repeat(32)))
                .append("format", new BsonInt32(2))
                .append("keyId", new BsonString("test-1"));
    }

    /** Raw BSON, keys sorted: action, actor, after{notes, rooms[3, true], version}, at, before{...}, brigadeId, ... */
    static final String GOLDEN_BYTES = "a001000002616374696f6e000f000000627269676164652e75706461746500026163746f72000d000000636c65726b2d" +
            "7a657a686f7500036166746572003c000000026e6f7465730004000000e696b00004726f6f6d73001000000010300003" +
            "00000008310001001276657273696f6e000200000000000000000961740000ec794a6c010000036265666f7265002900" +
            "000001666c6f6f72417265614d32000000000000c48240026e6f7465730004000000e697a70000026272696761646549" +
            "64000d0000007a657a686f752d67616f64750002656e7472794964002500000037643363316135322d303030302d3430" +
            "30302d383030302d3030303030303030303030320010666f726d61740002000000026b65794964000700000074657374" +
            "2d3100027072657648617368004100000061626162616261626162616261626162616261626162616261626162616261" +
            "626162616261626162616261626162616261626162616261626162616261626162000a726571756573740002726f6c65" +
            "000d000000434f554e54595f434c45524b001273657100020000000000000000";
    static final String GOLDEN_SHA256 = "a7a8b0195c5312d2f86f8c4642585dcdbdcd179bb667bef67a8825dd09bcaf33";
    static final String GOLDEN_MAC = "7345ed54c1a158abdaf4a96b0e4466e03de899ea8dacc6bb86646b1cae91ce63";

    @Test
    void theBytesOfAFixedEntryAreThePinnedOnes() {
        byte[] bytes = AuditCanonical.entry(entry());
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(GOLDEN_BYTES);
        assertThat(AuditChain.sha256(bytes)).isEqualTo(GOLDEN_SHA256);
        assertThat(TestAuditKeys.KEYS.mac(bytes)).isEqualTo(GOLDEN_MAC);
    }

    @Test
    void fieldOrderDoesNotMatterButTypesAndTheStoreOnlyFieldsDo() {
        BsonDocument reordered = new BsonDocument();
        java.util.List<String> keys = new java.util.ArrayList<>(entry().keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reordered.append(k, entry().get(k)));
        reordered.put("before", new BsonDocument("floorAreaM2", new BsonDouble(600.5)).append("notes", new BsonString("旧")));
        assertThat(AuditCanonical.entry(reordered)).isEqualTo(AuditCanonical.entry(entry()));

        // the hash and MAC fields themselves, and _id, are not part of the content
        BsonDocument withHash = entry().append("hash", new BsonString("x")).append("mac", new BsonString("y"))
                .append("_id", new BsonString("elsewhere"));
        assertThat(AuditCanonical.entry(withHash)).isEqualTo(AuditCanonical.entry(entry()));

        BsonDocument int32 = entry();
        int32.getDocument("after").put("version", new BsonInt32(2));
        assertThat(AuditCanonical.entry(int32)).isNotEqualTo(AuditCanonical.entry(entry()));
        BsonDocument otherPrev = entry().append("prevHash", new BsonString("cd".repeat(32)));
        assertThat(AuditCanonical.entry(otherPrev)).isNotEqualTo(AuditCanonical.entry(entry()));
        BsonDocument otherKey = entry().append("keyId", new BsonString("test-2"));
        assertThat(AuditCanonical.entry(otherKey)).isNotEqualTo(AuditCanonical.entry(entry()));
    }

    @Test
    void theKeyIdIsAFingerprintAndTheMacNeedsTheKey() {
        AuditKeys a = AuditKeys.of("another-audit-key-0123456789abcdef012345", null, null);
        assertThat(a.currentId()).startsWith("k").hasSize(17).doesNotContain("another");
        byte[] bytes = AuditCanonical.entry(entry());
        assertThat(a.mac(bytes)).isNotEqualTo(TestAuditKeys.KEYS.mac(bytes));
        assertThat(TestAuditKeys.KEYS.verifies("test-1", bytes, TestAuditKeys.KEYS.mac(bytes))).isTrue();
        assertThat(a.verifies("test-1", bytes, TestAuditKeys.KEYS.mac(bytes))).isFalse();
        // a rotated key: the new one signs, the retired one still verifies what it signed
        AuditKeys rotated = AuditKeys.of("another-audit-key-0123456789abcdef012345", "test-2",
                "test-1=test-audit-key-0123456789abcdef0123456789");
        assertThat(rotated.currentId()).isEqualTo("test-2");
        assertThat(rotated.verifies("test-1", bytes, TestAuditKeys.KEYS.mac(bytes))).isTrue();
    }
}
