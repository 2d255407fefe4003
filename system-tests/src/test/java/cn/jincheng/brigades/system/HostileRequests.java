package cn.jincheng.brigades.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hostile JSON requests made combinatorially over the write endpoints: each endpoint's valid body
 * (as README's curl flow sends it) is broken one field or one byte range at a time, and valid bodies
 * are sent with hostile ids, bad tokens or another county's clerk. Each request carries its
 * category so that the suite can print counts per category.
 */
final class HostileRequests {

    /** One request to send; {@code token} null means the suite's administrator token. */
    record Attack(String category, String method, String path, String token, byte[] body) {
    }

    /**
     * A write endpoint: {@code {id}} stands for a brigade id; {@code fields} are its valid body's
     * fields as JSON literals; {@code text} the free-text fields, where any string is valid.
     */
    record Endpoint(String method, String path, Map<String, String> fields, Set<String> text) {

        String path(String brigade) {
            return path.replace("{id}", brigade);
        }

        String body() {
            return json(fields);
        }

        boolean perBrigade() {
            return path.contains("{id}");
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            endpoint("PATCH", "/api/v1/brigades/{id}", Set.of("notes"), "notes", "\"营房主体完工\"",
                    "housing", "{\"floorAreaM2\":620,\"garageBays\":3,\"rooms\":[\"COMMS_DUTY_ROOM\"]}"),
            endpoint("POST", "/api/v1/brigades/{id}/mode", Set.of("reason"), "constructionMode", "\"GOVERNMENT\"",
                    "reason", "\"因地制宜\"", "effectiveDate", "\"2019-09-01\""),
            endpoint("POST", "/api/v1/brigades/{id}/milestones/mobilisation/submission", Set.of("evidence"),
                    "evidence", "\"会议纪要\""),
            endpoint("POST", "/api/v1/brigades/{id}/milestones/mobilisation/decision", Set.of("comment"),
                    "decision", "\"ACCEPT\"", "comment", "\"同意\""),
            endpoint("POST", "/api/v1/brigades/{id}/vehicles", Set.of("plate"), "type", "\"WATER_TANKER\"",
                    "plate", "\"晋E·11901\"", "status", "\"IN_SERVICE\""),
            endpoint("POST", "/api/v1/brigades/{id}/equipment", Set.of("serialNumbers"), "itemCode", "\"PPE_HELMET\"",
                    "quantity", "10", "expiresOn", "\"2024-12-31\"", "serialNumbers", "[\"A-1\"]"),
            endpoint("POST", "/api/v1/brigades/{id}/equipment-checks", Set.of("notes"), "date", "\"2019-11-01\"",
                    "findings", "[]", "notes", "\"现场检查\""),
            endpoint("POST", "/api/v1/brigades/{id}/drills", Set.of("notes"), "date", "\"2019-11-01\"",
                    "passed", "true", "notes", "\"拉动\""),
            endpoint("POST", "/api/v1/brigades/{id}/firefighters", Set.of("name"), "name", "\"张三\"",
                    "employment", "\"LABOUR_DISPATCH\"", "startDate", "\"2019-08-01\""),
            endpoint("PUT", "/api/v1/brigades/{id}/funding/2019", Set.of(), "amountYuan", "500000",
                    "source", "\"COUNTY_FINANCE\""),
            endpoint("POST", "/api/v1/acceptance/2019/brigades/{id}/inspections", Set.of("notes", "overrideReason"),
                    "stage", "\"COUNTY\"", "result", "\"FAIL\"", "notes", "\"营房未竣工\""),
            endpoint("PUT", "/api/v1/acceptance/2019/counties/zezhou/summary", Set.of("summary", "longTermMechanism"),
                    "summary", "\"总结\"", "longTermMechanism", "\"长效机制\""),
            endpoint("PUT", "/api/v1/acceptance/2019/counties/zezhou/outcome", Set.of("note"),
                    "outcome", "\"ACCEPTED\"", "note", "\"通过\"", "assessmentYear", "2019",
                    "assessmentScore", "92.5", "assessmentGrade", "\"EXCELLENT\""),
            endpoint("POST", "/api/v1/standards", Set.of("note", "title"), "mode", "\"AMENDMENT\"",
                    "basedOnVersion", "1", "note", "\"修订\"", "rules", "[]"),
            endpoint("POST", "/api/v1/auth/token", Set.of("username", "password"), "username", "\"admin\"", "password", "\"wrong\""));

    /** Broken JSON, the same for every endpoint. */
    private static final List<String> MALFORMED = List.of("", "{", "}", "[]", "null", "42", "\"text\"", "{\"a\":}",
            "{,}", "{\"a\": NaN}", "{\"a\": Infinity}", "{'single': 'quotes'}", "{\"a\":1}{\"b\":2}",
            "{\"a\":\"\\uZZZZ\"}", "{\"a\":1,}");

    private static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "99999999999999999999999999",
            "1e-400", "123456789012345678901234567890.5", "9223372036854775808");

    /** No null: an optional field left out is valid, and a valid write is not what this sends. */
    private static final List<String> WRONG_TYPES = List.of("42", "true", "[]", "{}", "\"42\"", "[\"x\"]");

    private static final List<String> OPERATORS = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}",
            "{\"$where\":\"sleep(5000)\"}", "{\"$regex\":\".*\"}", "{\"$in\":[\"COUNTY\",\"CITY\"]}");

    /** Keys a document store must never take from a caller: operators, dotted paths, prototype pollution. */
    private static final List<String> DOLLAR_KEYS = List.of("\"$set\":{\"version\":99}", "\"$where\":\"1==1\"",
            "\"housing.floorAreaM2\":1", "\"__proto__\":{\"admin\":true}", "\"_id\":{\"$oid\":\"000000000000000000000000\"}");

    /** Look-alikes of valid codes and dates: Cyrillic letters, full-width forms, invisible and bidi characters. */
    private static final List<String> CONFUSED = List.of("\u0412\u0410TER_TANKER", "ＣＯＵＮＴＹ", "COUNTY\u200B",
            "\u202EYTNUOC", "2019-11-0１", "COUNTY\u0000");

    /** Brigade ids no brigade has, meant to reach another record, a query or the file system. */
    static final List<String> HOSTILE_IDS = List.of("{\"$gt\":\"\"}", "$where", "zezhou-gaodu' OR '1'='1",
            "../zezhou-gaodu", "..%2Fzezhou-gaodu", "zezhou-gaodu%00", "zezhou-g\u0430odu", "ｚｅｚｈｏｕ-gaodu",
            "zezhou-gaodu\u200B", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "zezhou-gaodu;drop", "a".repeat(600));

    private HostileRequests() {
    }

    private static Endpoint endpoint(String method, String path, Set<String> text, String... fields) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put(fields[i], fields[i + 1]);
        }
        return new Endpoint(method, path, map, text);
    }

    /** Every hostile JSON body for every endpoint, sent as the administrator on {@code victim}. */
    static List<Attack> bodies(String victim) {
        List<Attack> attacks = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            String path = e.path(victim);
            String valid = e.body();
            MALFORMED.forEach(b -> attacks.add(attack("malformed JSON", e, path, b)));
            for (int cut : new int[] { valid.length() / 3, valid.length() * 2 / 3, valid.length() - 1 }) {
                attacks.add(attack("truncated body", e, path, valid.substring(0, cut)));
            }
            attacks.add(attack("deeply nested JSON", e, path, "[".repeat(5000) + "]".repeat(5000)));
            attacks.add(attack("deeply nested JSON", e, path, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)));
            attacks.add(attack("deeply nested JSON", e, path, with(e, e.fields.keySet().iterator().next(),
                    "[".repeat(2000) + "]".repeat(2000))));
            attacks.add(attack("oversized body", e, path, "{\"notes\":\"" + "x".repeat(1536 * 1024) + "\"}"));
            attacks.add(attack("oversized body", e, path, " ".repeat(3 * 1024 * 1024) + valid));
            for (String field : e.fields.keySet()) {
                HUGE_NUMBERS.forEach(n -> attacks.add(attack("huge number", e, path, with(e, field, n))));
                // a value of another JSON type than the field's (a string for a free text is no attack)
                WRONG_TYPES.stream().filter(t -> type(t) != type(e.fields.get(field)))
                        .forEach(t -> attacks.add(attack("wrong type", e, path, with(e, field, t))));
                OPERATORS.forEach(o -> attacks.add(attack("MongoDB operator in a field", e, path, with(e, field, o))));
                if (!e.text.contains(field) && e.fields.get(field).startsWith("\"")) {
                    CONFUSED.forEach(c -> attacks.add(attack("Unicode confusable", e, path,
                            with(e, field, quote(c)))));
                }
            }
            DOLLAR_KEYS.forEach(k -> attacks.add(attack("$ key", e, path, "{" + k + "," + valid.substring(1))));
            // a broken UTF-8 sequence inside a string, and a UTF-32 byte-order mark before the JSON
            byte[] broken = bytes(with(e, e.fields.keySet().iterator().next(), "\"\u00ff\""));
            for (int i = 0; i + 1 < broken.length; i++) {
                if (broken[i] == (byte) 0xC3 && broken[i + 1] == (byte) 0xBF) {
                    broken[i + 1] = 0x28;
                }
            }
            attacks.add(new Attack("invalid UTF-8", e.method, path, null, broken));
            byte[] marked = bytes(valid);
            byte[] withMark = new byte[marked.length + 4];
            withMark[0] = (byte) 0xFF;
            withMark[1] = (byte) 0xFE;
            System.arraycopy(marked, 0, withMark, 4, marked.length);
            attacks.add(new Attack("invalid UTF-8", e.method, path, null, withMark));
        }
        return attacks;
    }

    /** Valid bodies on brigade ids that are not ids. */
    static List<Attack> ids() {
        List<Attack> attacks = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            if (e.perBrigade()) {
                for (String id : HOSTILE_IDS) {
                    attacks.add(new Attack("hostile id", e.method, e.path(encode(id)), null, bytes(e.body())));
                }
            }
        }
        return attacks;
    }

    /** Valid bodies with each bad token. */
    static List<Attack> tokens(Map<String, String> badTokens, String victim) {
        List<Attack> attacks = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            if (!e.path.equals("/api/v1/auth/token")) {
                badTokens.forEach((kind, token) -> attacks.add(new Attack("bad token: " + kind, e.method,
                        e.path(victim), token, bytes(e.body()))));
            }
        }
        return attacks;
    }

    /** Valid bodies from one county's clerk on other counties' brigades. */
    static List<Attack> otherCounty(String clerkToken, List<String> foreignBrigades) {
        List<Attack> attacks = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            if (e.perBrigade()) {
                foreignBrigades.forEach(b -> attacks.add(new Attack("another county's id", e.method, e.path(b),
                        clerkToken, bytes(e.body()))));
            }
        }
        attacks.add(new Attack("another county's id", "PUT", "/api/v1/acceptance/2019/counties/gaoping/summary",
                clerkToken, bytes("{\"summary\":\"x\",\"longTermMechanism\":\"y\"}")));
        return attacks;
    }

    /** The JSON type of a literal, by its first character: {, [, ", t/f, n, or a number. */
    private static char type(String literal) {
        char first = literal.charAt(0);
        return first == 't' || first == 'f' ? 'b' : Character.isDigit(first) || first == '-' ? '0' : first;
    }

    private static Attack attack(String category, Endpoint e, String path, String body) {
        return new Attack(category, e.method, path, null, bytes(body));
    }

    private static String with(Endpoint e, String field, String literal) {
        Map<String, String> fields = new LinkedHashMap<>(e.fields);
        fields.put(field, literal);
        return json(fields);
    }

    private static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append(quote(name)).append(':')
                .append(value));
        return out.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
        }
        return out.append('"').toString();
    }

    private static String encode(String id) {
        // ids that already carry their own percent-encoding go as they are (double decoding is the attack)
        return id.contains("%") ? id : java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
