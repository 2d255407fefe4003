package cn.jincheng.brigades.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale benchmark: grows the running system's city to each size given (23 seeded brigades
 * plus synthetic ones) through the bulk import, timing every file, and at each size times the
 * acceptance report as JSON and as XLSX while sampling every process's resident memory.
 * <p>
 * {@code ScaleRun <gateway-url> <admin-password> <run-dir with the .pid files> <report runs> <size>...}
 */
public final class ScaleRun {

    static final int ROWS_PER_FILE = Integer.getInteger("rowsPerFile", 10_000);
    /** The kinds of rows to import (all when unset): {@code -Dkinds=brigades} grows the brigades alone, to look at one service. */
    private static final List<String> KINDS = List.of(System.getProperty("kinds",
            Arrays.stream(SyntheticCity.Kind.values()).map(k -> k.path).collect(java.util.stream.Collectors.joining(","))).split(","));
    private static final String[] PROCESSES = {"embedded-mongo", "api-gateway", "station-service", "equipment-service",
        "staffing-service"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;
    private final Path runDir;

    private ScaleRun(String base, String token, Path runDir) {
        this.base = base;
        this.token = token;
        this.runDir = runDir;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        ScaleRun run = new ScaleRun(base, login(base, args[1]), Path.of(args[2]));
        int reportRuns = Integer.parseInt(args[3]);
        SyntheticCity city = new SyntheticCity(run.counties());
        // a city grown by an earlier run (BENCH_DATA_DIR) goes on from where it stopped
        String report = run.report();
        int synthetic = count(report, "\"syn-");
        int seeded = count(report, "\"outcome\"") - synthetic;
        for (String size : Arrays.copyOfRange(args, 4, args.length)) {
            int target = Integer.parseInt(size) - seeded;
            if (target > synthetic) {
                run.grow(city, synthetic, target);
                synthetic = target;
            }
            run.reports(seeded + synthetic, reportRuns);
        }
    }

    private void grow(SyntheticCity city, int from, int to) throws Exception {
        System.out.printf(Locale.ROOT, "%n== import brigades %d..%d (%d synthetic brigades) ==%n", from, to - 1, to - from);
        for (SyntheticCity.Kind kind : SyntheticCity.Kind.values()) {
            if (!KINDS.contains(kind.path)) {
                continue;
            }
            long rows = 0;
            long nanos = 0;
            StringBuilder file = new StringBuilder(kind.heading).append('\n');
            int inFile = 0;
            for (int n = from; n < to; n++) {
                List<String> brigadeRows = city.rows(kind, n);
                if (inFile + brigadeRows.size() > ROWS_PER_FILE) {
                    nanos += upload(kind, file.toString(), inFile);
                    rows += inFile;
                    file.setLength(kind.heading.length() + 1);
                    inFile = 0;
                }
                brigadeRows.forEach(r -> file.append(r).append('\n'));
                inFile += brigadeRows.size();
            }
            if (inFile > 0) {
                nanos += upload(kind, file.toString(), inFile);
                rows += inFile;
            }
            System.out.printf(Locale.ROOT, "%-13s %,10d rows in %7.1f s: %6.2f s per 10,000 rows%n", kind.path, rows,
                    nanos / 1e9, rows == 0 ? 0 : nanos / 1e9 / rows * 10_000);
        }
    }

    private long upload(SyntheticCity.Kind kind, String csv, int rows) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(authorized("/api/v1/imports/" + kind.path)
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - started;
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("import of " + rows + " " + kind.path + " rows answered "
                    + response.statusCode() + ": " + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        return took;
    }

    private void reports(int brigades, int runs) throws Exception {
        System.out.printf(Locale.ROOT, "%n== acceptance report 2019 at %,d brigades, %d runs each ==%n", brigades, runs);
        for (String format : List.of("json", "xlsx")) {
            List<Double> seconds = new ArrayList<>();
            Map<String, Long> peaks = new java.util.LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                try (RssSampler sampler = new RssSampler(pids())) {
                    long started = System.nanoTime();
                    long bytes = download(format, brigades);
                    seconds.add((System.nanoTime() - started) / 1e9);
                    sampler.peaks().forEach((name, mb) -> peaks.merge(name, mb, Math::max));
                    if (i == 0) {
                        System.out.printf(Locale.ROOT, "%-5s %,d bytes%n", format, bytes);
                    }
                }
            }
            List<Double> sorted = seconds.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-5s wall time: median %.1f s (runs %s); peak RSS MB %s%n", format,
                    sorted.get(sorted.size() / 2), seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList(),
                    peaks);
        }
    }

    /** Downloads the report to nothing and checks that it is whole: every brigade is in it. */
    private long download(String format, int brigades) throws Exception {
        HttpResponse<InputStream> response = http.send(authorized("/api/v1/acceptance/2019/report?format=" + format)
                .timeout(Duration.ofMinutes(15)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("report answered " + response.statusCode());
        }
        try (InputStream body = response.body()) {
            if (format.equals("json")) {
                byte[] all = body.readAllBytes();
                String json = new String(all, StandardCharsets.UTF_8);
                int rows = count(json, "\"outcome\"");
                if (rows != brigades) {
                    throw new IllegalStateException("the report has " + rows + " brigades, expected " + brigades);
                }
                int unavailable = count(json, "\"UNAVAILABLE\"");
                if (unavailable > 0) {
                    throw new IllegalStateException(unavailable + " rows of the report are UNAVAILABLE: a service did not answer in time");
                }
                return all.length;
            }
            return body.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private String report() throws Exception {
        return http.send(authorized("/api/v1/acceptance/2019/report").GET().timeout(Duration.ofMinutes(15)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private List<String> counties() throws Exception {
        String body = http.send(authorized("/api/v1/counties").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (String name : PROCESSES) {
            pids.put(name, Long.parseLong(Files.readString(runDir.resolve(name + ".pid")).trim()));
        }
        return pids;
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private static String login(String base, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("login failed: " + response.statusCode());
        }
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    /** Samples each process's VmRSS every 50 ms on its own thread and keeps the highest. */
    static final class RssSampler implements AutoCloseable {
        private final Map<String, Long> pids;
        private final Map<String, Long> peaks = new java.util.concurrent.ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        RssSampler(Map<String, Long> pids) {
            this.pids = pids;
            this.thread = new Thread(this::sample, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (running) {
                pids.forEach((name, pid) -> peaks.merge(name, rssMegabytes(pid), Math::max));
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Map<String, Long> peaks() {
            Map<String, Long> ordered = new java.util.LinkedHashMap<>();
            pids.keySet().forEach(name -> ordered.put(name, peaks.getOrDefault(name, 0L)));
            return ordered;
        }

        static long rssMegabytes(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the process is gone: nothing to add
            }
            return 0;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
