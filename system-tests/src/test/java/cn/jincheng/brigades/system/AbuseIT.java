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

import tools.jackson.databind.JsonNode;

/**
 * Hostile clients against the running system: concurrent edits with one version, then well over a
 * thousand hostile requests made combinatorially over the write endpoints ({@link HostileRequests}:
 * malformed, truncated, nested, oversized bodies, huge numbers, wrong types, MongoDB operators and
 * {@code $} keys, hostile ids, Unicode look-alikes, bad tokens, another county's brigades) and hostile
 * files on the imports and uploads ({@link HostileFiles}: zip bombs, a 300,000-row workbook, broken
 * CSV quoting). Prints counts per category, the 5xx answers (must be none), the records changed (must
 * be none: every brigade's data read back through the API before and after) and the gateway's heap.
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

            // then well over 1,000 hostile requests, made combinatorially over the write endpoints: never a
            // 5xx, nothing stored anywhere, and the gateway (-Xmx256m) up and answering throughout. Every
            // write carries If-Match "999" (no such version), so a body that slipped through could not
            // change a versioned record either; unversioned writes have no such guard.
            String victim = "zezhou-gaodu";
            Map<String, String> recordsBefore = records(api, admin);
            long gatewayPid = Long.parseLong(Files.readString(stack.dataDir.resolve("run/api-gateway.pid")).trim());
            HeapSampler heap = new HeapSampler(client, base);
            heap.start();
            String clerk = api.token("clerk-zezhou", RunningStack.PASSWORD);
            List<HostileRequests.Attack> attacks = new ArrayList<>();
            attacks.addAll(HostileRequests.bodies(victim));
            attacks.addAll(HostileRequests.ids());
            attacks.addAll(HostileRequests.tokens(BadTokens.from(admin, stack.dataDir), victim));
            attacks.addAll(HostileRequests.otherCounty(clerk, List.of("gaoping-mishan", "yangcheng-beiliu",
                    "chengqu-xicheng", "lingchuan-fucheng", "qinshui-zhongcun")));
            for (HostileRequests.Attack attack : attacks) {
                count(attack.category(), attack.method() + " " + attack.path() + " " + new String(attack.body(), 0,
                        Math.min(attack.body().length, 100), StandardCharsets.UTF_8), send(base, attack.method(),
                        attack.path(), attack.token() == null ? admin : attack.token(), attack.body()));
            }
            for (String id : HostileRequests.HOSTILE_IDS) {
                String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
                for (String path : List.of("/api/v1/brigades/" + encoded, "/api/v1/brigades?county=" + encoded,
                        "/api/v1/audit?brigade=" + encoded, "/api/v1/brigades/" + encoded + "/vehicles")) {
                    count("hostile id", "GET " + path, send(base, "GET", path, admin, null));
                }
            }
            files(api, admin, clerk);
            heap.stop();

            Map<String, String> recordsAfter = records(api, admin);
            long changed = recordsBefore.keySet().stream().filter(k -> !recordsBefore.get(k).equals(recordsAfter.get(k))).count();
            long samePid = Long.parseLong(Files.readString(stack.dataDir.resolve("run/api-gateway.pid")).trim());
            int health = send(base, "GET", "/actuator/health", null, null);
            JsonNode verification = api.get("/api/v1/audit/verify", admin).body();
            int total = sent.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println("[abuse] hostile requests sent: " + total + " in " + sent.size() + " categories");
            sent.forEach((category, n) -> System.out.println("[abuse]   " + category + ": " + n + " sent, statuses "
                    + statusesByCategory.get(category)));
            System.out.println("[abuse] writes answered 2xx: " + accepted.size() + " " + accepted);
            System.out.println("[abuse] 5xx responses: " + serverErrors.size() + (serverErrors.isEmpty() ? ""
                    : " " + serverErrors));
            System.out.println("[abuse] records changed: " + changed + " (" + (recordsBefore.size() - 1) + " reads compared, "
                    + recordsBefore.get("#records") + " records: every brigade with its milestones, inventories, checks, "
                    + "drills, roster, funding, inspections and audit chain length; catalogs; county acceptances)");
            System.out.println("[abuse] gateway: pid " + gatewayPid + (samePid == gatewayPid ? " (never restarted)"
                    : " -> " + samePid) + ", health " + health + ", heap used at most " + heap.peakUsedMb()
                    + " MB of a " + heap.maxMb() + " MB maximum (" + heap.samples() + " samples)");
            System.out.println("[abuse] audit chains verify: " + verification.get("verified") + "; slowest: "
                    + slowestMillis + " ms for " + slowest);
            assertThat(total).isGreaterThanOrEqualTo(1000);
            assertThat(serverErrors).isEmpty();
            assertThat(changed).as(diff(recordsBefore, recordsAfter)).isZero();
            assertThat(samePid).isEqualTo(gatewayPid);
            assertThat(health).isEqualTo(200);
            assertThat(heap.samples()).isPositive();
            assertThat(heap.maxMb()).isLessThanOrEqualTo(256);
            assertThat(verification.get("verified").asBoolean()).isTrue();
            assertThat(stack.stop()).isZero();
        }
    }

    private final Map<String, Integer> sent = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> statusesByCategory = new TreeMap<>();
    private final List<String> serverErrors = new ArrayList<>();

    /** Writes that were answered 2xx: none may have stored anything (checked by the records read back). */
    private final List<String> accepted = new ArrayList<>();

    private void count(String category, String request, int status) {
        if (status / 100 == 2 && !request.startsWith("GET ")) {
            accepted.add(status + " " + category + " " + request);
        }
        sent.merge(category, 1, Integer::sum);
        statusesByCategory.computeIfAbsent(category, c -> new TreeMap<>()).merge(status, 1, Integer::sum);
        if (status >= 500) {
            serverErrors.add(status + " " + category + " " + request);
        }
    }

    /** Hostile files on the imports and the evidence uploads. */
    private void files(Api api, String admin, String clerk) throws Exception {
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        byte[] bomb = HostileFiles.zipBombWorkbook();
        byte[] big = HostileFiles.workbookOfRows(300_000);
        byte[] tooLarge = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(tooLarge, (byte) 'x');
        for (String kind : List.of("brigades", "vehicles", "equipment", "firefighters")) {
            String path = "/api/v1/imports/" + kind;
            // the city creates brigades; the county's clerk imports the rest
            String who = kind.equals("brigades") ? admin : clerk;
            file("zip bomb", api, path, who, xlsx, bomb);
            file("zip bomb", api, path + "?mode=valid-rows", who, xlsx, bomb);
            file("truncated XLSX", api, path, who, xlsx, HostileFiles.truncated(big));
            file("truncated XLSX", api, path, who, xlsx, HostileFiles.utf8("PK\u0003\u0004 not really a workbook"));
            String heading = new String(api.download(path + "/template?format=csv", who), StandardCharsets.UTF_8)
                    .replace("\uFEFF", "").lines().findFirst().orElseThrow();
            for (byte[] csv : HostileFiles.brokenCsv(heading)) {
                file("CSV with broken quoting", api, path, who, "text/csv", csv);
                file("CSV with broken quoting", api, path + "?mode=valid-rows", who, "text/csv", csv);
            }
            file("upload over the cap", api, path, who, "text/csv", tooLarge);
        }
        // read as a stream and stopped at the row limit (the gateway has a 256 MB heap)
        file("300,000-row XLSX", api, "/api/v1/imports/equipment", clerk, xlsx, big);
        file("300,000-row XLSX", api, "/api/v1/imports/equipment?mode=valid-rows", clerk, xlsx, big);
        file("300,000-row XLSX", api, "/api/v1/imports/equipment?dryRun=true", clerk, xlsx, big);
        for (String filename : List.of("site.jpg", "../../etc/passwd.jpg", "..\\..\\boot.ini.jpg", "ｓｉｔｅ.jpg")) {
            for (byte[] content : List.of(HostileFiles.htmlAsPhoto(), bomb, new byte[0], HostileFiles.truncated(big))) {
                Api.Response r = api.multipart("/api/v1/brigades/zezhou-gaodu/attachments", clerk,
                        Map.of("recordKind", "MILESTONE_SUBMISSION", "recordId", "construction-complete"), filename, content);
                count("hostile attachment", "POST attachments " + filename, r.status());
            }
            for (String kind : List.of("{\"$gt\":\"\"}", "MILESTONE_SUBMISSION\u200B")) {
                Api.Response r = api.multipart("/api/v1/brigades/zezhou-gaodu/attachments", clerk,
                        Map.of("recordKind", kind, "recordId", "$where"), filename, HostileFiles.htmlAsPhoto());
                count("hostile attachment", "POST attachments " + kind, r.status());
            }
        }
    }

    private void file(String category, Api api, String path, String token, String type, byte[] body) throws Exception {
        count(category, "POST " + path, api.upload(path, token, type, body).status());
    }

    /**
     * Everything a stored change would alter, read through the API: per brigade its record, milestones,
     * inventories, checks, drills, roster, funding and inspections and the length of its audit chain;
     * the catalogs and the county acceptances. Each read's digest by path, and "#records", how many
     * records were read.
     */
    private static Map<String, String> records(Api api, String token) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        int records = 0;
        JsonNode brigades = api.get("/api/v1/brigades?pageSize=1000", token).body().get("items");
        List<String> paths = new ArrayList<>(List.of("/api/v1/brigades?pageSize=1000", "/api/v1/standards/versions",
                "/api/v1/standards/staffing", "/api/v1/acceptance/2019/counties"));
        for (JsonNode brigade : brigades) {
            String id = brigade.get("id").asString();
            for (String part : List.of("", "/milestones", "/vehicles", "/equipment", "/firefighters?asOf=2019-12-31",
                    "/funding", "/equipment-checks", "/drills")) {
                paths.add("/api/v1/brigades/" + id + part);
            }
            paths.add("/api/v1/acceptance/2019/brigades/" + id + "/inspections");
            paths.add("/api/v1/brigades/" + id + "/attachments");
            int length = 0;
            String page = "/api/v1/audit?brigade=" + id + "&pageSize=1000";
            while (page != null) {
                JsonNode body = api.get(page, token).body();
                length += body.get("items").size();
                JsonNode next = body.get("nextPageToken");
                page = next == null || next.isNull() ? null
                        : "/api/v1/audit?brigade=" + id + "&pageSize=1000&pageToken=" + next.asString();
            }
            digests.put("audit chain length " + id, Integer.toString(length));
            records += length;
        }
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String path : paths) {
            Api.Response r = api.get(path, token);
            assertThat(r.status()).as(path).isEqualTo(200);
            JsonNode items = r.body().get("items");
            records += items != null && items.isArray() ? items.size() : 1;
            digests.put(path, java.util.HexFormat.of().formatHex(sha.digest(r.body().toString()
                    .getBytes(StandardCharsets.UTF_8))));
        }
        Map<String, String> result = new java.util.LinkedHashMap<>(digests);
        result.put("#records", Integer.toString(records));
        return result;
    }

    private static String diff(Map<String, String> before, Map<String, String> after) {
        return "changed: " + before.keySet().stream().filter(k -> !k.startsWith("#") && !before.get(k).equals(after.get(k)))
                .toList();
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
                .header("If-Match", "\"999\"")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
