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
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator relies on, on the running system: every process answers its health groups and
 * Prometheus metrics (HTTP, gRPC server and client, MongoDB, breaker states), logs are JSON lines
 * when asked to be, and a request's trace id reaches the service that answers it.
 */
class OperationsIT {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthMetricsJsonLogsAndOneTraceIdFromTheGatewayToTheService() throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-ops"))
                .withEnv("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .withEnv("LOGGING_LEVEL_CN_JINCHENG_BRIGADES_CALLS", "DEBUG")) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            String admin = api.token("admin", RunningStack.PASSWORD);

            // a request that arrives with a trace: the gateway continues it, and so does the service
            HttpResponse<String> traced = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.gatewayPort + "/api/v1/brigades/zezhou-gaodu"))
                    .header("Authorization", "Bearer " + admin)
                    .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(traced.statusCode()).isEqualTo(200);
            JsonNode line = awaitLogLine(stack.dataDir.resolve("logs/station-service.log"), TRACE_ID);
            assertThat(line.toString()).contains("StationService/GetBrigade");
            System.out.println("[ops] station-service logged the gateway's trace " + TRACE_ID + ": " + line);

            Map<String, Integer> management = Map.of("api-gateway", stack.gatewayPort,
                    "station-service", stack.port("STATION_MANAGEMENT_PORT"),
                    "equipment-service", stack.port("EQUIPMENT_MANAGEMENT_PORT"),
                    "staffing-service", stack.port("STAFFING_MANAGEMENT_PORT"));
            for (Map.Entry<String, Integer> process : management.entrySet()) {
                for (String group : List.of("liveness", "readiness")) {
                    HttpResponse<String> health = get(process.getValue(), "/actuator/health/" + group);
                    assertThat(health.statusCode()).as(process.getKey() + " " + group).isEqualTo(200);
                    assertThat(health.body()).contains("\"UP\"");
                }
            }
            api.get("/api/v1/brigades/gaoping-mishan/compliance", admin); // station asks equipment and staffing
            assertThat(metrics(management.get("api-gateway"))).contains("http_server_requests_seconds_count",
                    "grpc_client_seconds_count", "resilience4j_circuitbreaker_state");
            assertThat(metrics(management.get("station-service"))).contains("grpc_server_seconds_count",
                    "grpc_client_seconds_count", "mongodb_driver_commands_seconds_count", "mongodb_driver_pool_size",
                    "resilience4j_circuitbreaker_state{name=\"equipment-service\"",
                    "resilience4j_circuitbreaker_state{name=\"staffing-service\"");
            // equipment- and staffing-service call no other service: they decide from their own data
            assertThat(metrics(management.get("equipment-service"))).contains("grpc_server_seconds_count",
                    "mongodb_driver_commands_seconds_count");
            assertThat(metrics(management.get("staffing-service"))).contains("grpc_server_seconds_count",
                    "mongodb_driver_commands_seconds_count");
            auditTamperingIsReported(stack, api, admin);
            assertThat(stack.stop()).isZero();
        }
    }

    /**
     * The keyed audit chain on the running system (docs/adr/0010): an entry edited directly in the
     * store is named by the REST verify as EDITED; the entry then deleted is TRUNCATED against the
     * anchor an acceptance report printed before.
     */
    private static void auditTamperingIsReported(RunningStack stack, Api api, String admin) throws Exception {
        String brigade = "/api/v1/brigades/zezhou-gaodu";
        assertThat(api.patch(brigade, admin, api.get(brigade, admin).header("ETag"), "{\"notes\":\"audit check\"}")
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/verify", admin).body().get("verified").asBoolean()).isTrue();
        String anchor = null;
        for (JsonNode row : api.get("/api/v1/acceptance/2019/report", admin).body().get("brigades")) {
            if (row.get("id").asString().equals("zezhou-gaodu")) {
                for (JsonNode a : row.get("auditAnchors")) {
                    if (a.get("service").asString().equals("station-service")) {
                        anchor = a.get("token").asString();
                    }
                }
            }
        }
        assertThat(anchor).as("the report's anchor of the brigade's station-service chain").isNotNull();
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(stack.mongoUri())) {
            var audit = client.getDatabase("station").getCollection("audit");
            org.bson.Document last = audit.find(new org.bson.Document("brigadeId", "zezhou-gaodu"))
                    .sort(new org.bson.Document("seq", -1)).first();
            audit.updateOne(new org.bson.Document("_id", last.get("_id")),
                    new org.bson.Document("$set", new org.bson.Document("actor", "someone-else")));
            JsonNode edited = api.get("/api/v1/audit/verify", admin).body();
            System.out.println("[ops] audit entry edited in the store: " + edited);
            assertThat(edited.get("verified").asBoolean()).isFalse();
            assertThat(edited.get("services").get(0).get("brokenAt").get("fault").asString()).isEqualTo("EDITED");

            audit.deleteOne(new org.bson.Document("_id", last.get("_id")));
            JsonNode cut = api.get("/api/v1/audit/verify?anchor="
                    + java.net.URLEncoder.encode(anchor, java.nio.charset.StandardCharsets.UTF_8), admin).body();
            System.out.println("[ops] last audit entry deleted, checked against the report's anchor: " + cut);
            assertThat(cut.get("services").get(0).get("brokenAt").get("fault").asString()).isEqualTo("TRUNCATED");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String metrics(int port) throws Exception {
        HttpResponse<String> response = get(port, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Every line of the log must be JSON; returns the first that carries the trace id. */
    private static JsonNode awaitLogLine(Path log, String traceId) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Instant giveUp = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(giveUp)) {
            Optional<JsonNode> found = Optional.empty();
            for (String text : Files.readAllLines(log)) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = json.readTree(text); // throws on a line that is not JSON
                if (found.isEmpty() && line.toString().contains(traceId)) {
                    found = Optional.of(line);
                }
            }
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no log line of " + log.getFileName() + " carries trace " + traceId);
    }
}
