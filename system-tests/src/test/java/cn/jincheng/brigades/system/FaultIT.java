package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Crashes: while writes run against all three services, each service in turn and then the store
 * (the MongoDB stand-in server, its own process) is killed with {@code kill -9}, left down for a
 * while, and started again by itself. Every write that got a 2xx must be there at the end, with its
 * audit entry; while a service is down the gateway answers only 503/504 problems for what needs it
 * and keeps serving the rest (while the store is down, every call that needs it is such a problem);
 * and calls succeed again soon after the restart, with nothing else restarted. Prints its figures:
 * the recovery time after each kill, the acknowledged writes read back.
 */
class FaultIT {

    /** What a write load does against one service, and how to tell its acknowledged writes are kept. */
    private enum Writer { STATION, EQUIPMENT, STAFFING }

    private static final Map<String, Writer> SERVICES = Map.of("station-service", Writer.STATION,
            "equipment-service", Writer.EQUIPMENT, "staffing-service", Writer.STAFFING);

    /** The MongoDB stand-in server's process, as run.sh names it. */
    private static final String STORE = "embedded-mongo";

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger serial = new AtomicInteger();
    /** Acknowledged writes, per writer: the value that must be found afterwards. */
    private final Map<Writer, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final Map<Writer, Map<Integer, Integer>> statuses = new ConcurrentHashMap<>();
    /** Answers that are neither success nor a 503/504 problem: each one is a failure. */
    private final List<String> unexpected = new CopyOnWriteArrayList<>();

    @Test
    void acknowledgedWritesSurviveKillNineOfEachServiceAndCallsRecoverWithoutRestartingAnythingElse()
            throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-fault"))) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            String admin = api.token("admin", RunningStack.PASSWORD);
            ExecutorService load = Executors.newFixedThreadPool(Writer.values().length);
            for (Writer writer : Writer.values()) {
                acknowledged.put(writer, new CopyOnWriteArrayList<>());
                statuses.put(writer, new ConcurrentHashMap<>());
                load.submit(() -> writeUntilStopped(api, admin, writer));
            }
            List<String> figures = new ArrayList<>();
            for (String service : List.of("station-service", "equipment-service", "staffing-service", STORE)) {
                Thread.sleep(3_000);
                stack.crash(service);
                Thread.sleep(3_000);
                if (service.equals(STORE)) {
                    assertEveryServiceAnswersAProblem(api, admin);
                } else {
                    assertTheRestIsServed(api, admin, service);
                }
                long restartedAt = System.nanoTime();
                stack.restart(service);
                long accepting = awaitPort(stack.port(portName(service)), restartedAt);
                // after the store's restart every writer must get through again: the slowest one counts
                long recovered = service.equals(STORE) ? awaitEveryWriter(restartedAt)
                        : awaitFirstSuccess(SERVICES.get(service), restartedAt);
                double untilAccepting = (accepting - restartedAt) / 1e9;
                double untilRecovered = (recovered - restartedAt) / 1e9;
                figures.add(String.format("%s: accepting %.1f s after restart, calls through the gateway succeed %.1f s"
                        + " after restart (%.1f s after it accepted)", service, untilAccepting, untilRecovered,
                        untilRecovered - untilAccepting));
                // what the gateway and the other services add once the service is back: reconnecting
                assertThat(untilRecovered - untilAccepting).as(service + " reconnect").isLessThan(service.equals(STORE) ? 30 : 15);
            }
            Thread.sleep(2_000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            Map<Writer, String> present = new TreeMap<>();
            for (Writer writer : Writer.values()) {
                String state = stateOf(api, admin, writer);
                String audit = auditOf(api, admin, brigadeOf(writer));
                List<String> missing = acknowledged.get(writer).stream()
                        .filter(value -> !state.contains(value) || !audit.contains(value)).toList();
                present.put(writer, (acknowledged.get(writer).size() - missing.size()) + "/"
                        + acknowledged.get(writer).size());
                assertThat(missing).as(writer + " acknowledged writes missing after the crashes").isEmpty();
                assertThat(acknowledged.get(writer)).as(writer + " writes acknowledged").hasSizeGreaterThan(5);
            }
            JsonNode verification = api.get("/api/v1/audit/verify", admin).body();
            figures.forEach(f -> System.out.println("[fault] " + f));
            System.out.println("[fault] acknowledged writes present after the crashes: " + present);
            System.out.println("[fault] answers per writer: " + new TreeMap<>(statuses));
            System.out.println("[fault] unexpected answers: " + unexpected.size() + " " + unexpected);
            System.out.println("[fault] audit chains verify: " + verification.get("verified"));
            assertThat(unexpected).isEmpty();
            assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
            assertThat(stack.stop()).isZero();
        }
    }

    private void writeUntilStopped(Api api, String token, Writer writer) {
        while (running.get()) {
            try {
                String value = writer == Writer.EQUIPMENT ? String.format("晋F%05d", serial.incrementAndGet())
                        : "fault-" + writer.name().toLowerCase() + "-" + serial.incrementAndGet();
                Api.Response response = write(api, token, writer, value);
                if (response == null) {
                    continue;
                }
                statuses.get(writer).merge(response.status(), 1, Integer::sum);
                if (response.status() / 100 == 2) {
                    acknowledged.get(writer).add(value);
                } else if (!Set.of(503, 504).contains(response.status()) || !response.isProblem()) {
                    unexpected.add(writer + " " + response.status() + " " + response.body());
                }
                // a steady load, several writes a second per writer, far more than a city's clerks
                // make, that leaves a restarting JVM some of the 2 cores it shares with the rest
                Thread.sleep(150);
            } catch (Exception e) {
                unexpected.add(writer + " no answer: " + e);
            }
        }
    }

    private static Api.Response write(Api api, String token, Writer writer, String value) throws Exception {
        String brigade = "/api/v1/brigades/" + brigadeOf(writer);
        return switch (writer) {
            case STATION -> {
                Api.Response current = api.get(brigade, token);
                if (current.status() != 200) {
                    yield current;
                }
                yield api.patch(brigade, token, current.header("ETag"), "{\"notes\":\"" + value + "\"}");
            }
            case EQUIPMENT -> api.post(brigade + "/vehicles", token, "{\"type\":\"WATER_TANKER\",\"plate\":\"" + value
                    + "\",\"status\":\"IN_SERVICE\"}");
            case STAFFING -> api.post(brigade + "/firefighters", token, "{\"name\":\"" + value
                    + "\",\"employment\":\"CONTRACT\",\"startDate\":\"2019-05-01\"}");
        };
    }

    /** Where each writer writes; distinct brigades so that the writers never contend. */
    private static String brigadeOf(Writer writer) {
        return switch (writer) {
            case STATION -> "zezhou-gaodu";
            case EQUIPMENT -> "gaoping-mishan";
            case STAFFING -> "yangcheng-beiliu";
        };
    }

    /**
     * What must hold every acknowledged value: for the brigade's notes, the audit trail (each PATCH's
     * entry carries its notes) — the brigade itself keeps only the last; for vehicles and firefighters, the list.
     */
    private static String stateOf(Api api, String token, Writer writer) throws Exception {
        String brigade = "/api/v1/brigades/" + brigadeOf(writer);
        return switch (writer) {
            case STATION -> auditOf(api, token, brigadeOf(writer));
            case EQUIPMENT -> api.get(brigade + "/vehicles", token).body().toString();
            case STAFFING -> api.get(brigade + "/firefighters?asOf=2019-12-31", token).body().toString();
        };
    }

    /** The brigade's whole audit trail, page by page. */
    private static String auditOf(Api api, String token, String brigade) throws Exception {
        StringBuilder all = new StringBuilder();
        String page = "/api/v1/audit?brigade=" + brigade + "&pageSize=1000";
        while (page != null) {
            JsonNode body = api.get(page, token).body();
            all.append(body.get("items"));
            JsonNode next = body.get("nextPageToken");
            page = next == null || next.isNull() ? null
                    : "/api/v1/audit?brigade=" + brigade + "&pageSize=1000&pageToken=" + next.asString();
        }
        return all.toString();
    }

    /** While one service is down, what does not need it still answers. */
    private static void assertTheRestIsServed(Api api, String token, String down) throws Exception {
        Map<String, String> independent = Map.of(
                "station-service", "/api/v1/standards",
                "equipment-service", "/api/v1/brigades/zezhou-gaodu",
                "staffing-service", "/api/v1/brigades/zezhou-gaodu/vehicles");
        Api.Response rest = api.get(independent.get(down), token);
        assertThat(rest.status()).as("with " + down + " down, " + independent.get(down)).isEqualTo(200);
        assertThat(api.token("inspector", RunningStack.PASSWORD)).isNotBlank();
        Map<String, String> dependent = Map.of(
                "station-service", "/api/v1/brigades/zezhou-gaodu",
                "equipment-service", "/api/v1/brigades/zezhou-gaodu/vehicles",
                "staffing-service", "/api/v1/brigades/zezhou-gaodu/firefighters");
        Api.Response needs = api.get(dependent.get(down), token);
        assertThat(needs.status()).isIn(503, 504);
        assertThat(needs.body().get("service").asString()).isEqualTo(down);
    }

    /** With the store down, what needs it is a 503/504 problem naming a service, never a hang or a 500. */
    private static void assertEveryServiceAnswersAProblem(Api api, String token) throws Exception {
        for (String path : List.of("/api/v1/brigades/zezhou-gaodu", "/api/v1/brigades/zezhou-gaodu/vehicles",
                "/api/v1/brigades/zezhou-gaodu/firefighters")) {
            Api.Response answer = api.get(path, token);
            assertThat(answer.status()).as("with the store down, " + path).isIn(503, 504);
            assertThat(answer.isProblem()).isTrue();
        }
        assertThat(api.token("inspector", RunningStack.PASSWORD)).isNotBlank();
    }

    /** When the last of the writers had its first acknowledged write after {@code since}. */
    private long awaitEveryWriter(long since) throws InterruptedException {
        Map<Writer, Integer> before = new TreeMap<>();
        acknowledged.forEach((writer, values) -> before.put(writer, values.size()));
        Set<Writer> waiting = new java.util.HashSet<>(before.keySet());
        long giveUp = since + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < giveUp) {
            waiting.removeIf(writer -> acknowledged.get(writer).size() > before.get(writer));
            if (waiting.isEmpty()) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(waiting + " writes did not succeed again within 90 s of the store's restart");
    }

    private long awaitFirstSuccess(Writer writer, long since) throws InterruptedException {
        int before = acknowledged.get(writer).size();
        long giveUp = since + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < giveUp) {
            if (acknowledged.get(writer).size() > before) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(writer + " writes did not succeed again within 90 s of the restart");
    }

    private static long awaitPort(int port, long since) throws InterruptedException {
        long giveUp = since + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < giveUp) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return System.nanoTime();
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("port " + port + " did not open within 90 s of the restart");
    }

    private static String portName(String service) {
        if (service.equals(STORE)) {
            return "MONGO_PORT";
        }
        return service.substring(0, service.indexOf('-')).toUpperCase() + "_PORT";
    }

}
