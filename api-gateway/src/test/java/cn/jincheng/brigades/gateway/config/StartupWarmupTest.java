package cn.jincheng.brigades.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import com.sun.net.httpserver.HttpServer;

/** The warm-up against a stand-in for the gateway's own HTTP face (a JDK server on a free port). */
class StartupWarmupTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile long answerAfterMillis;
    /** Lets a held answer go when the test ends, so stopping the server does not wait for it. */
    private final CountDownLatch testOver = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                testOver.await(answerAfterMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/streamed", exchange -> { // the headers at once, the rest held back
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("[".getBytes());
            exchange.getResponseBody().flush();
            try {
                testOver.await(answerAfterMillis, TimeUnit.MILLISECONDS);
                exchange.getResponseBody().write("]".getBytes());
            } catch (InterruptedException | IOException e) {
                // the warm-up gave up and closed the connection: what it should do
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        testOver.countDown();
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void notReadyUntilEveryPathWasRequestedOnceTheServicesServe() throws InterruptedException {
        AtomicInteger probes = new AtomicInteger();
        StartupWarmup warmup = new StartupWarmup(() -> probes.incrementAndGet() > 3, () -> "t0k3n",
                List.of("/api/v1/brigades", "/api/v1/acceptance/2026/report", "/api/v1/acceptance/2026/report"),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(warmup.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

        warmup.start(base()).join(30_000);

        assertThat(probes.get()).as("it waited for the services").isGreaterThan(3);
        assertThat(seen).containsExactly("GET /api/v1/brigades Bearer t0k3n",
                "GET /api/v1/acceptance/2026/report Bearer t0k3n", "GET /api/v1/acceptance/2026/report Bearer t0k3n");
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails()).containsEntry("warmup", "done").containsEntry("failures", List.of());
    }

    @Test
    void servicesThatDoNotServeInTimeEndTheWarmUpWithoutARequest() throws InterruptedException {
        StartupWarmup warmup = new StartupWarmup(() -> false, () -> "t", List.of("/api/v1/brigades"),
                Duration.ofMillis(300), Duration.ofSeconds(30));
        warmup.start(base()).join(30_000);

        assertThat(seen).isEmpty();
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat((String) warmup.health().getDetails().get("warmup")).startsWith("skipped");
    }

    @Test
    void aFailedRequestIsReportedAndDoesNotHoldReadinessBack() throws InterruptedException {
        status = 503;
        StartupWarmup warmup = new StartupWarmup(() -> true, () -> "t", List.of("/api/v1/counties"),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        warmup.start(base()).join(30_000);

        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails()).containsEntry("warmup", "done with failures")
                .containsEntry("failures", List.of("/api/v1/counties: 503"));
    }

    @Test
    void aSpentBudgetLeavesTheRemainingRequestsOutAndCutsTheOneUnderWayShort() throws InterruptedException {
        answerAfterMillis = 400;
        StartupWarmup warmup = new StartupWarmup(() -> true, () -> "t",
                List.of("/a", "/b", "/c", "/d", "/e", "/f"), Duration.ofSeconds(30), Duration.ofMillis(1_000));
        warmup.start(base()).join(30_000);

        assertThat(seen).hasSizeBetween(2, 3).allMatch(s -> s.startsWith("GET /a") || s.startsWith("GET /b")
                || s.startsWith("GET /c"));
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat((String) warmup.health().getDetails().get("warmup")).startsWith("cut short by its budget");
        assertThat((String) warmup.health().getDetails().get("requests")).endsWith(" of 6");
    }

    @Test
    void aRequestWithoutAnAnswerGetsOnlyWhatIsLeftOfTheBudget() throws InterruptedException {
        answerAfterMillis = 25_000; // the request's own timeout is 60 s; the budget is half a second
        StartupWarmup warmup = new StartupWarmup(() -> true, () -> "t", List.of("/a", "/b"),
                Duration.ofSeconds(30), Duration.ofMillis(500));
        warmup.start(base()).join(20_000);

        assertThat(warmup.health().getStatus()).as("ready before the answer would have come").isEqualTo(Status.UP);
        assertThat(seen).hasSize(1);
        assertThat(warmup.health().getDetails()).containsEntry("failures", List.of("/a: no answer in time"));
    }

    @Test
    void anAnswerThatStreamsPastTheBudgetIsCutShortToo() throws InterruptedException {
        answerAfterMillis = 25_000; // the headers come at once, the body would end in 25 s
        StartupWarmup warmup = new StartupWarmup(() -> true, () -> "t", List.of("/streamed", "/b"),
                Duration.ofSeconds(30), Duration.ofMillis(500));
        warmup.start(base()).join(20_000);

        assertThat(warmup.health().getStatus()).as("ready before the body would have ended").isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails()).containsEntry("failures", List.of("/streamed: no answer in time"))
                .containsEntry("requests", "1 of 2");
    }

    @Test
    void aWarmUpInterruptedDuringAnAnswerEndsAtOnceAndIsReady() throws InterruptedException {
        answerAfterMillis = 25_000;
        StartupWarmup warmup = new StartupWarmup(() -> true, () -> "t", List.of("/streamed"),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
        Thread running = warmup.start(base());
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(10);
        }
        assertThat(seen).as("the request under way").containsExactly("GET /streamed");
        running.interrupt();
        running.join(10_000);

        assertThat(running.isAlive()).isFalse();
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(warmup.health().getDetails()).containsEntry("warmup", "skipped: interrupted");
    }

    @Test
    void skippedIsReadyAtOnce() {
        StartupWarmup warmup = new StartupWarmup(() -> true, () -> "t", List.of("/x"), Duration.ofSeconds(1), Duration.ofSeconds(1));
        warmup.skip("switched off");
        assertThat(warmup.health().getStatus()).isEqualTo(Status.UP);
        assertThat(seen).isEmpty();
    }
}
