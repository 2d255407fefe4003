package cn.jincheng.brigades.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command a test needs (npm ci, a shell, a jar) with its output in a file. Never inheritIO:
 * the test JVM's own stdin and stdout are failsafe's channel to Maven, and a child reading or
 * writing them corrupts it ("std/in stream corrupted").
 */
final class Commands {

    record Result(int exitCode, String output) {
    }

    private Commands() {
    }

    /** Exit code -1 when it did not finish in time (it is killed then). */
    static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("system-test-command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Result(finished ? process.exitValue() : -1, Files.readString(log));
    }

    /** The project's root directory (where run.sh is). */
    static Path root() {
        return Path.of(System.getProperty("brigades.root", "..")).toAbsolutePath().normalize();
    }
}
