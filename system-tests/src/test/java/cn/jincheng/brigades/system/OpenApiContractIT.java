package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.testing.LocalResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's OpenAPI document, as the gateway serves it, passes Redocly's recommended rules with
 * no error (Redocly CLI from the npm registry, pinned in {@code system-tests/openapi}), and is the
 * snapshot {@code system-tests/openapi/api-v1.json} the generated client is built from. The document
 * needs no backend: the gateway alone is started, on a free port.
 */
class OpenApiContractIT {

    private static final Path LINT = Commands.root().resolve("system-tests/openapi");
    private static final Path SNAPSHOT = LINT.resolve("api-v1.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Served once for both tests: starting the gateway is the slow part. */
    private static String served;

    @Test
    void theServedDocumentPassesRedoclysRecommendedRules() throws Exception {
        Switches.skipWhenSet("the OpenAPI lint (Redocly CLI on Node)", "skip.node");
        Path document = Files.createTempDirectory("brigades-openapi").resolve("openapi.json");
        Files.writeString(document, servedDocument());
        installRedocly();
        Commands.Result lint = Commands.run(List.of(LINT.resolve("node_modules/.bin/redocly").toString(), "lint",
                document.toString(), "--config", LINT.resolve("redocly.yaml").toString()), LINT,
                Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
                Duration.ofMinutes(3));
        System.out.println("[openapi] " + lint.output().lines().filter(l -> l.contains("valid") || l.contains("error")
                || l.contains("warning")).toList());
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).contains("Your API description is valid");
    }

    /**
     * The client GeneratedClientIT uses is generated (at generate-test-sources) from the checked-in
     * snapshot, so the snapshot must be what the gateway serves: a changed contract fails here until
     * the snapshot is refreshed, and the diff of that file is the contract change to review.
     */
    @Test
    void theGeneratedClientsSnapshotIsTheServedDocument() throws Exception {
        JsonNode live = JSON.readTree(servedDocument());
        JsonNode snapshot = JSON.readTree(Files.readString(SNAPSHOT));
        Path fresh = Path.of("target", "openapi", "api-v1.json").toAbsolutePath();
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
        assertThat(firstDifference("", snapshot, live)).as("the gateway's /v3/api-docs differs from the snapshot "
                + SNAPSHOT + " that the generated client is built from. If the change is meant, refresh it: cp "
                + fresh + " " + SNAPSHOT + " (then rebuild system-tests, which regenerates the client)").isNull();
    }

    /** The JSON pointer of the first place where the two documents differ (objects compared by key), or null. */
    private static String firstDifference(String at, JsonNode expected, JsonNode actual) {
        if (expected.isObject() && actual.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name) || !actual.has(name)) {
                    return here + (expected.has(name) ? " is gone" : " is new");
                }
                String inner = firstDifference(here, expected.get(name), actual.get(name));
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String inner = firstDifference(at + "/" + i, expected.get(i), actual.get(i));
                if (inner != null) {
                    return inner;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : at + ": " + expected + " -> " + actual;
    }

    private static synchronized String servedDocument() throws Exception {
        if (served == null) {
            served = fetchServedDocument();
        }
        return served;
    }

    private static String fetchServedDocument() throws Exception {
        int port = LocalResources.freePort();
        Path dataDir = Files.createTempDirectory("brigades-openapi-gateway");
        Path jar = Commands.root().resolve("api-gateway/target/api-gateway-0.1.0-SNAPSHOT.jar");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("gateway.log").toFile());
        builder.environment().putAll(Map.of("DATA_DIR", dataDir.toString(), "SPRING_PROFILES_ACTIVE", "local",
                "GATEWAY_PORT", Integer.toString(port), "MANAGEMENT_SERVER_PORT", Integer.toString(port)));
        Process gateway = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(10)).build();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (true) {
                try {
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        return answer.body();
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                assertThat(gateway.isAlive()).as(Files.readString(dataDir.resolve("gateway.log"))).isTrue();
                assertThat(Instant.now()).as("the gateway did not serve /v3/api-docs in time").isBefore(deadline);
                Thread.sleep(300);
            }
        } finally {
            gateway.destroy();
            gateway.waitFor();
        }
    }

    private static void installRedocly() throws Exception {
        if (Files.isExecutable(LINT.resolve("node_modules/.bin/redocly"))) {
            return;
        }
        Commands.Result install = Commands.run(List.of("npm", "ci", "--no-audit", "--no-fund"), LINT, Map.of(),
                Duration.ofMinutes(10));
        assertThat(install.exitCode()).as("npm ci of Redocly CLI:\n" + install.output()).isZero();
    }
}
