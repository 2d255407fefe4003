package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Hostile clients against the running system: concurrent edits with one version, and hundreds of
 * malformed or hostile requests on every write endpoint. Prints its figures so they can be quoted.
 */
class AbuseIT {

    /**
     * HTTP/1.1 as browsers and curl speak to the gateway: the JDK client's default is to try an h2c
     * upgrade on plain http, which the gateway does not offer and which no user's client attempts.
     */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void concurrentEditsLoseNothingAndHostileInputChangesNothing() throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-abuse"))) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            String admin = api.token("admin", RunningStack.PASSWORD);
            String base = "http://127.0.0.1:" + stack.gatewayPort;

            // 50 concurrent PATCHes with the same If-Match: exactly one wins, the rest get 412
            ExecutorService pool = Executors.newFixedThreadPool(50);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String notes = "writer " + i;
                results.add(pool.submit(() -> api.patch("/api/v1/brigades/zezhou-nancun", admin, "\"1\"",
                        "{\"notes\":\"" + notes + "\"}").status()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> f : results) {
                statuses.merge(f.get(), 1, Integer::sum);
            }
            pool.shutdown();
            assertThat(statuses).isEqualTo(Map.of(200, 1, 412, 49));
            Api.Response after = api.get("/api/v1/brigades/zezhou-nancun", admin);
            assertThat(after.header("ETag")).isEqualTo("\"2\"");
            assertThat(after.body().get("notes").asString()).startsWith("writer ");
            System.out.println("[abuse] 50 concurrent PATCHes with one If-Match: " + statuses);

            // hostile input on every write endpoint: never a 5xx, nothing stored
            String victim = "zezhou-gaodu";
            String before = stateOf(api, admin, victim);
            List<String[]> endpoints = List.of(
                    new String[] { "PATCH", "/api/v1/brigades/" + victim },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/mode" },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/milestones/mobilisation/submission" },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/milestones/mobilisation/decision" },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/vehicles" },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/equipment" },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/equipment-checks" },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/drills" },
                    new String[] { "POST", "/api/v1/brigades/" + victim + "/firefighters" },
                    new String[] { "PUT", "/api/v1/brigades/" + victim + "/funding/2019" },
                    new String[] { "POST", "/api/v1/acceptance/2019/brigades/" + victim + "/inspections" },
                    new String[] { "POST", "/api/v1/standards" },
                    new String[] { "POST", "/api/v1/standards/staffing" },
                    new String[] { "POST", "/api/v1/auth/token" });
            List<byte[]> bodies = hostileBodies();
            int tried = 0;
            int serverErrors = 0;
            Map<Integer, Integer> seen = new TreeMap<>();
            for (String[] endpoint : endpoints) {
                for (byte[] body : bodies) {
                    int status = send(base, endpoint[0], endpoint[1], admin, body);
                    tried++;
                    seen.merge(status, 1, Integer::sum);
                    if (status >= 500) {
                        serverErrors++;
                        System.out.println("[abuse] " + status + " for " + endpoint[0] + " " + endpoint[1] + " <- "
                                + new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8));
                    }
                }
            }
            for (String id : List.of("{\"$gt\":\"\"}", "../../etc/passwd", "zezhou-gaodu' OR '1'='1", "%00", "$where")) {
                String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
                for (String path : List.of("/api/v1/brigades/" + encoded, "/api/v1/brigades?county=" + encoded,
                        "/api/v1/audit?brigade=" + encoded, "/api/v1/brigades/" + encoded + "/vehicles")) {
                    int status = send(base, "GET", path, admin, null);
                    tried++;
                    seen.merge(status, 1, Integer::sum);
                    serverErrors += status >= 500 ? 1 : 0;
                }
            }
            System.out.println("[abuse] hostile requests tried: " + tried + ", 5xx seen: " + serverErrors
                    + ", statuses: " + seen + ", slowest: " + slowestMillis + " ms for " + slowest);
            assertThat(tried).isGreaterThanOrEqualTo(500);
            assertThat(serverErrors).isZero();
            assertThat(stateOf(api, admin, victim)).isEqualTo(before);
            assertThat(stack.stop()).isZero();
        }
    }

    /** What a stored change would alter: the brigade, its inventories, its whole audit trail, the catalogs. */
    private static String stateOf(Api api, String token, String brigade) throws Exception {
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/api/v1/brigades/" + brigade, "/api/v1/brigades/" + brigade + "/milestones",
                "/api/v1/brigades/" + brigade + "/vehicles", "/api/v1/brigades/" + brigade + "/equipment",
                "/api/v1/brigades/" + brigade + "/firefighters?asOf=2019-12-31", "/api/v1/brigades/" + brigade + "/funding",
                "/api/v1/audit?brigade=" + brigade, "/api/v1/standards/versions", "/api/v1/standards/staffing",
                "/api/v1/acceptance/2019/brigades/" + brigade + "/inspections")) {
            state.append(path).append(" -> ").append(api.get(path, token).body()).append('\n');
        }
        return state.toString();
    }

    /** The slowest hostile request seen, so a regression towards a hang shows in the figures first. */
    private long slowestMillis;
    private String slowest = "";

    private int send(String base, String method, String path, String token, byte[] body) throws Exception {
        long started = System.nanoTime();
        try {
            return sendOnce(base, method, path, token, body);
        } catch (java.io.IOException e) {
            throw new AssertionError(method + " " + path + " with a " + (body == null ? 0 : body.length)
                    + "-byte body got no answer: " + e, e);
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowest = method + " " + path + " (" + (body == null ? 0 : body.length) + " bytes)";
            }
        }
    }

    private int sendOnce(String base, String method, String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("If-Match", "\"1\"")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Bodies no endpoint should accept: malformed, mistyped, oversized, nested, injected. */
    private static List<byte[]> hostileBodies() {
        List<String> texts = new ArrayList<>(List.of("", "{", "}", "[]", "null", "42", "\"text\"", "{\"a\":}", "{,}",
                "{\"notes\": {\"$gt\": \"\"}}", "{\"housing\": {\"floorAreaM2\": {\"$gt\": 0}}}",
                "{\"housing\": \"big\"}", "{\"housing\": {\"floorAreaM2\": 1e400}}",
                "{\"housing\": {\"garageBays\": 99999999999999999999}}", "{\"housing\": {\"rooms\": \"COMMS_DUTY_ROOM\"}}",
                "{\"housing\": {\"rooms\": [{\"$ne\": 1}]}}", "{\"constructionMode\": {\"$in\": [\"EXISTING\"]}}",
                "{\"evidence\": 12}", "{\"decision\": true}", "{\"type\": [\"WATER_TANKER\"], \"plate\": 1}",
                "{\"itemCode\": \"PPE_HELMET\", \"quantity\": \"10\"}", "{\"itemCode\": \"PPE_HELMET\", \"quantity\": 1.5}",
                "{\"itemCode\": \"PPE_HELMET\", \"quantity\": -3}", "{\"date\": \"2019-02-30\", \"passed\": true}",
                "{\"date\": 20191101, \"passed\": \"yes\"}", "{\"name\": \"\", \"employment\": \"SLAVE\"}",
                "{\"name\": null, \"startDate\": \"tomorrow\"}", "{\"amountYuan\": 1e30, \"source\": \"COUNTY_FINANCE\"}",
                "{\"amountYuan\": \"500000\", \"source\": \"COUNTY_FINANCE\"}", "{\"amountYuan\": -1, \"source\": \"BANK\"}",
                "{\"stage\": \"STATE\", \"result\": \"MAYBE\"}", "{\"stage\": [\"COUNTY\"], \"result\": {}}",
                "{\"mode\": \"DELETE\", \"basedOnVersion\": \"1\"}", "{\"rules\": [{\"min\": -1}], \"basedOnVersion\": 1}",
                "{\"username\": {\"$ne\": \"\"}, \"password\": {\"$ne\": \"\"}}", "{\"username\": [\"admin\"]}",
                "{\"notes\": \"x\", \"__proto__\": {\"admin\": true}}", "{\"version\": 99, \"id\": \"other\"}",
                "{\"notes\": \"\\u0000\\u0001\", \"unknownField\": 1}", "{\"a\": NaN}", "{\"a\": Infinity}",
                "{\"notes\": \"ok\"} trailing", "{\"notes\": \"ok\", \"notes\": 5}"));
        texts.add("[".repeat(5000) + "]".repeat(5000));
        texts.add("{\"a\":".repeat(3000) + "1" + "}".repeat(3000));
        texts.add("{\"notes\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        List<byte[]> bodies = new ArrayList<>();
        texts.forEach(t -> bodies.add(t.getBytes(StandardCharsets.UTF_8)));
        bodies.add(new byte[] { '{', '"', 'n', 'o', 't', 'e', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
        bodies.add(new byte[] { (byte) 0xFF, (byte) 0xFE, 0, 0, '{', '}' });
        return bodies;
    }
}
