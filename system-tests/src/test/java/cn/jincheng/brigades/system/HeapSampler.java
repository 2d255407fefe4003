package cn.jincheng.brigades.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the gateway's heap every second from its own metrics ({@code /actuator/prometheus}: the
 * heap pools' used and maximum bytes), in the background while the hostile requests run, so that the
 * peak is seen, not only the end state.
 */
final class HeapSampler {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_(used|max)_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);

    private final HttpClient client;
    private final URI metrics;
    private volatile boolean running;
    private Thread thread;
    private volatile long peakUsed;
    private volatile long max;
    private volatile int samples;

    HeapSampler(HttpClient client, String base) {
        this.client = client;
        this.metrics = URI.create(base + "/actuator/prometheus");
    }

    void start() {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        sample();
    }

    private void sample() {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return;
            }
            long used = 0;
            long limit = 0;
            Matcher m = HEAP.matcher(answer.body());
            while (m.find()) {
                long value = (long) Double.parseDouble(m.group(2));
                if (m.group(1).equals("used")) {
                    used += value;
                } else if (value > 0) {
                    limit += value;
                }
            }
            peakUsed = Math.max(peakUsed, used);
            max = Math.max(max, limit);
            samples++;
        } catch (Exception e) {
            // a missed sample; the gateway's being up is checked by the test itself
        }
    }

    long peakUsedMb() {
        return peakUsed / (1024 * 1024);
    }

    long maxMb() {
        return max / (1024 * 1024);
    }

    int samples() {
        return samples;
    }
}
