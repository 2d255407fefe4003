package cn.jincheng.brigades.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The whole system started the way a user starts it: {@code ./run.sh}, with its own data
 * directory and ports. Output is collected so tests can read what run.sh tells the user.
 */
final class RunningStack implements AutoCloseable {

    static final String PASSWORD = "e2e-secret";

    final Path dataDir;
    final int gatewayPort;
    private final Map<String, String> ports;
    /** More environment for run.sh and the services, e.g. log settings. */
    private final Map<String, String> extraEnv = new java.util.HashMap<>();
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;
    /** Services started again by {@link #restart}: not run.sh's children, so stopped here. */
    private final List<Process> restarted = new CopyOnWriteArrayList<>();

    RunningStack(Path dataDir) {
        this.dataDir = dataDir;
        java.util.Set<Integer> chosen = new java.util.LinkedHashSet<>();
        while (chosen.size() < 8) {
            chosen.add(cn.jincheng.brigades.common.testing.LocalResources.freePort());
        }
        java.util.Iterator<Integer> it = chosen.iterator();
        this.gatewayPort = it.next();
        this.ports = Map.of("STATION_PORT", Integer.toString(it.next()), "EQUIPMENT_PORT", Integer.toString(it.next()),
                "STAFFING_PORT", Integer.toString(it.next()), "STATION_MANAGEMENT_PORT", Integer.toString(it.next()),
                "EQUIPMENT_MANAGEMENT_PORT", Integer.toString(it.next()),
                "STAFFING_MANAGEMENT_PORT", Integer.toString(it.next()), "MONGO_PORT", Integer.toString(it.next()));
    }

    RunningStack withEnv(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** The port run.sh was given for STATION_PORT, EQUIPMENT_PORT, STAFFING_PORT, MONGO_PORT or a *_MANAGEMENT_PORT. */
    int port(String name) {
        return Integer.parseInt(ports.get(name));
    }

    void start() {
        Path root = Path.of(System.getProperty("brigades.root", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("run.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.putAll(ports);
        env.put("GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("DATA_DIR", dataDir.toString());
        env.put("DEMO_PASSWORD", PASSWORD);
        env.put("SKIP_BUILD", "1");
        env.putAll(extraEnv);
        output.clear();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "run.sh-output");
        reader.setDaemon(true);
        reader.start();
        // run.sh waits START_TIMEOUT (120 s) for health; a test or the caller's environment (which run.sh
        // inherits) that raises it waits as long here
        long startTimeout = Long.parseLong(env.getOrDefault("START_TIMEOUT", "120"));
        awaitOutput("READY", Duration.ofSeconds(Math.max(150, startTimeout + 30)));
    }

    /** Waits until run.sh printed a line containing {@code text}. */
    void awaitOutput(String text, Duration timeout) {
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            if (output.stream().anyMatch(l -> l.contains(text))) {
                return;
            }
            if (!process.isAlive()) {
                sleep(500); // let the reader drain what the process printed last
                throw new IllegalStateException("run.sh ended early:\n" + String.join("\n", output));
            }
            sleep(200);
        }
        throw new IllegalStateException("run.sh did not print '" + text + "' in time:\n" + String.join("\n", output));
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** The connection string of the stack's MongoDB stand-in. */
    String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.get("MONGO_PORT");
    }

    /** {@code kill -9} of one process (a service, or {@code embedded-mongo}, the store), as a crash would. */
    void crash(String service) throws IOException {
        long pid = Long.parseLong(Files.readString(dataDir.resolve("run/" + service + ".pid")).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    /**
     * Starts one process again by itself, as an operator or a Kubernetes restart would: the same
     * command, ports and data directory run.sh gave it, and nothing else restarted.
     */
    void restart(String service) throws IOException {
        // exactly the command run.sh started it with (JVM options, class archive, jar)
        String command = Files.readString(dataDir.resolve("run/" + service + ".command")).trim();
        ProcessBuilder builder = new ProcessBuilder(List.of(command.split(" ")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("logs/" + service + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(ports);
        env.put("DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        env.put("STATION_SERVICE_ADDR", "127.0.0.1:" + ports.get("STATION_PORT"));
        env.put("EQUIPMENT_SERVICE_ADDR", "127.0.0.1:" + ports.get("EQUIPMENT_PORT"));
        env.put("STAFFING_SERVICE_ADDR", "127.0.0.1:" + ports.get("STAFFING_PORT"));
        env.put("MONGODB_URI", mongoUri());
        Process started = builder.start();
        restarted.add(started);
        Files.writeString(dataDir.resolve("run/" + service + ".pid"), Long.toString(started.pid()));
    }

    /**
     * Another gateway replica beside run.sh's, on its own port, in front of the same services and
     * with the same data directory (so the same signing keys), started with run.sh's command for
     * the gateway; stopped with the stack. @return its port once it is healthy
     */
    int startAnotherGateway() throws IOException, InterruptedException {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String command = Files.readString(dataDir.resolve("run/api-gateway.command")).trim();
        ProcessBuilder builder = new ProcessBuilder(List.of(command.split(" ")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("logs/api-gateway-2.log").toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(ports);
        env.put("DATA_DIR", dataDir.toString());
        env.putAll(extraEnv);
        env.put("GATEWAY_PORT", Integer.toString(port));
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("STATION_SERVICE_ADDR", "127.0.0.1:" + ports.get("STATION_PORT"));
        env.put("EQUIPMENT_SERVICE_ADDR", "127.0.0.1:" + ports.get("EQUIPMENT_PORT"));
        env.put("STAFFING_SERVICE_ADDR", "127.0.0.1:" + ports.get("STAFFING_PORT"));
        restarted.add(builder.start());
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest health = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        long giveUp = System.nanoTime() + java.time.Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < giveUp) {
            try {
                if (http.send(health, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return port;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the second gateway did not become healthy within 300 s");
    }

    /** Ctrl-C / SIGTERM to run.sh, which stops everything. */
    int stop() throws InterruptedException {
        for (Process service : restarted) {
            service.destroy();
            service.waitFor(20, TimeUnit.SECONDS);
        }
        restarted.clear();
        if (process == null) {
            return 0;
        }
        process.toHandle().destroy(); // SIGTERM
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("run.sh did not stop within 40 s");
        }
        int code = process.exitValue();
        process = null;
        return code;
    }

    @Override
    public void close() throws InterruptedException {
        restarted.forEach(Process::destroyForcibly);
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
