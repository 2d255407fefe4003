package cn.jincheng.brigades.gateway.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The gateway's readiness waits for a warm-up: once the services serve, the gateway sends the
 * requests it is given (the brigade list, the county overview, the year's acceptance report a few
 * times) to its own HTTP face, with a token it issued to itself, exactly as a user's would come:
 * security, routing, the gRPC calls, all three services' report path and their database queries.
 * Until that is done the health component {@code warmup} is OUT_OF_SERVICE, so the gateway's
 * health and its readiness group say not ready and neither run.sh nor Kubernetes sends users to it.
 *
 * <p>Why: after a start the first acceptance report took 22 times a warm one (BENCHMARKS.md), the
 * cost of loading, linking and compiling the report's path in four processes and of opening their
 * first connections, paid by the first user. The warm-up only reads: nothing is stored.
 *
 * <p>It never holds readiness back for good: if the services do not serve within the wait, or a
 * request fails, the warm-up ends (UP, with what happened in its details) and the gateway's own
 * {@code backends} component decides. It also has a time budget: the report's cost grows with the
 * city (a 40,000-brigade city's report takes half a minute), so once the budget is spent the
 * requests not yet sent are left out, and the one under way is given only what is left, to its
 * last byte.
 */
final class StartupWarmup implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final BooleanSupplier servicesServing;
    private final Supplier<String> token;
    private final List<String> paths;
    private final Duration waitForServices;
    private final Duration budget;
    private volatile Health health = Health.outOfService().withDetail("warmup", "not started").build();

    /**
     * @param servicesServing true when every service answers its health check
     * @param token           a bearer token for the requests
     * @param paths           what to request, in order (path and query)
     * @param waitForServices how long to wait for the services before giving up the warm-up
     * @param budget          how long the requests may take in all, once the services serve
     */
    StartupWarmup(BooleanSupplier servicesServing, Supplier<String> token, List<String> paths,
            Duration waitForServices, Duration budget) {
        this.servicesServing = servicesServing;
        this.token = token;
        this.paths = List.copyOf(paths);
        this.waitForServices = waitForServices;
        this.budget = budget;
    }

    /** Ready without a warm-up (switched off, or the gateway cannot issue itself a token). */
    void skip(String reason) {
        health = Health.up().withDetail("warmup", "skipped: " + reason).build();
    }

    /** Warms up in the background against the gateway at {@code base} (e.g. http://127.0.0.1:8080). */
    Thread start(URI base) {
        health = Health.outOfService().withDetail("warmup", "running").build();
        Thread thread = new Thread(() -> run(base), "startup-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void run(URI base) {
        try {
            if (!awaitServices()) {
                skip("the services did not all serve within " + waitForServices);
                log.info("Warm-up skipped: the services did not all serve within {}", waitForServices);
                return;
            }
            health = warmUp(base);
            log.info("Warm-up done: {}", health.getDetails());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skip("interrupted");
        } catch (RuntimeException e) {
            skip("failed: " + e);
            log.warn("Warm-up failed; ready without it", e);
        }
    }

    private boolean awaitServices() throws InterruptedException {
        long giveUp = System.nanoTime() + waitForServices.toNanos();
        while (!servicesServing.getAsBoolean()) {
            if (System.nanoTime() >= giveUp) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private Health warmUp(URI base) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String bearer = "Bearer " + token.get();
        long started = System.nanoTime();
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String path : paths) {
            Duration left = budget.minusNanos(System.nanoTime() - started);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            sent++;
            long t0 = System.nanoTime();
            // the deadline covers the whole answer: a request's own timeout ends with the response's
            // headers, and a report streams its rows for as long as the city is large
            CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.discarding());
            try {
                HttpResponse<Void> response = exchange.get(shorter(REQUEST_TIMEOUT, left).toNanos(), TimeUnit.NANOSECONDS);
                if (response.statusCode() / 100 != 2) {
                    failures.add(path + ": " + response.statusCode());
                }
            } catch (TimeoutException e) {
                exchange.cancel(true); // closes the connection: the gateway drops the request and its calls
                failures.add(path + ": no answer in time");
            } catch (ExecutionException e) {
                failures.add(path + ": " + e.getCause());
            } catch (InterruptedException e) {
                exchange.cancel(true);
                throw e;
            }
            millis.computeIfAbsent(path, p -> new ArrayList<>()).add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
        String outcome = sent < paths.size() ? "cut short by its budget of " + budget
                : failures.isEmpty() ? "done" : "done with failures";
        return Health.up().withDetail("warmup", outcome)
                .withDetail("requests", sent + " of " + paths.size())
                .withDetail("tookMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                .withDetail("millis", millis).withDetail("failures", failures).build();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public Health health() {
        return health;
    }
}
