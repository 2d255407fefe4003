package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The dashboard in real headless Chromium: the browser scenarios in {@code browser/dashboard.test.mjs}
 * (playwright-core driving Debian's chromium, which the build fetches: tools/fetch.sh) run against the
 * whole system started from run.sh.
 * Each scenario asserts what a user sees; this test fails when any of them fails or none ran. The
 * offline scenarios (issue 22) take the browser offline with playwright's network emulation, which
 * the service worker's fetches obey too: reloading without signal, a session expired meanwhile, and
 * brigades taken offline before being opened; the gallery scenario opens, downloads and deletes evidence.
 */
class DashboardIT {

    private static final Path BROWSER_TESTS = Path.of("browser").toAbsolutePath();

    @Test
    void everyRoleUsesTheDashboardInHeadlessChromium() throws Exception {
        Switches.skipWhenSet("the browser tests", "skip.browser", "skip.node");
        assertThat(Path.of(chromium())).as("Chromium (CHROMIUM): the build fetches it before the integration tests "
                + "(tools/fetch.sh DIR browser); -Dskip.browser leaves these tests out").isExecutable();
        installPlaywrightCore();
        Path screenshots = Path.of("target/screenshots").toAbsolutePath();
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-dashboard"))) {
            stack.start();
            Path log = Files.createTempFile("dashboard-test", ".log");
            ProcessBuilder run = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
                    "dashboard.test.mjs").directory(BROWSER_TESTS.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(log.toFile());
            run.environment().put("BASE_URL", "http://127.0.0.1:" + stack.gatewayPort);
            run.environment().put("DEMO_PASSWORD", RunningStack.PASSWORD);
            run.environment().put("SCREENSHOTS", screenshots.toString());
            run.environment().put("CHROMIUM", chromium());
            Process browser = run.start();
            boolean finished = browser.waitFor(10, TimeUnit.MINUTES);
            String output = Files.readString(log);
            System.out.println(output);
            assertThat(finished).as("the browser tests finished within 10 minutes").isTrue();
            assertThat(browser.exitValue()).as("browser tests' exit code (output above)").isZero();
            assertThat(count(output, "tests")).as("scenarios run").isGreaterThanOrEqualTo(26);
            // the photo scenarios skip themselves when the gateway has no attachments endpoint; this
            // branch has it, so a skip is a failure here (the output above says why)
            assertThat(count(output, "skipped")).as("scenarios skipped").isZero();
            assertThat(count(output, "pass")).as("scenarios passed").isEqualTo(count(output, "tests"));
        }
        assertThat(screenshots.resolve("overview.png")).exists();
        assertThat(screenshots.resolve("offline-conflict.png")).exists();
        assertThat(screenshots.resolve("brigades-phone.png")).exists();
        assertThat(screenshots.resolve("gallery.png")).exists();
        assertThat(screenshots.resolve("offline-taken.png")).exists();
    }

    /** A figure of the test runner's summary, such as "ℹ pass 15". */
    private static int count(String output, String what) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\S* ?" + what + " (\\d+)$").matcher(output);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Debian's chromium with a Chinese font, as fetched by the build (the failsafe configuration sets it). */
    static String chromium() {
        return System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    }

    /** playwright-core (the driver only; the browser is the fetched chromium) from the npm registry. */
    private static void installPlaywrightCore() throws IOException, InterruptedException {
        if (Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
            return;
        }
        assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), BROWSER_TESTS, 5))
                .as("npm ci of the browser tests").isZero();
    }

    /** Runs a set-up command, its output in the test's log. */
    private static int run(List<String> command, Path directory, int minutes) throws IOException, InterruptedException {
        Commands.Result result = Commands.run(command, directory, Map.of(), java.time.Duration.ofMinutes(minutes));
        System.out.println(result.output());
        return result.exitCode();
    }
}
