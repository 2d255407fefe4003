package cn.jincheng.brigades.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code connections} threads each send one request, wait for its answer, and
 * send the next, for a fixed time after a warm-up, as wrk does. Latencies are kept whole (no
 * sampling) and the percentiles are exact.
 */
final class ClosedLoop {

    /** One request; throws when it failed. */
    interface Request {
        void send() throws Exception;
    }

    record Result(String name, int connections, long requests, long errors, double seconds, double p50Millis,
            double p99Millis) {
        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-28s %3d conns %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d",
                    name, connections, perSecond(), p50Millis, p99Millis, errors);
        }
    }

    private ClosedLoop() {
    }

    static Result run(String name, int connections, Duration warmUp, Duration measure,
            java.util.function.IntFunction<Request> requestOfThread) throws InterruptedException {
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(connections);
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        long stopAt = measureFrom + measure.toNanos();
        for (int t = 0; t < connections; t++) {
            int thread = t;
            latencies[t] = new long[1 << 16];
            Request request = requestOfThread.apply(t);
            Thread worker = new Thread(() -> {
                try {
                    long now;
                    while ((now = System.nanoTime()) < stopAt) {
                        try {
                            request.send();
                        } catch (Exception e) {
                            if (now >= measureFrom) {
                                errors.incrementAndGet();
                            }
                            continue;
                        }
                        long took = System.nanoTime() - now;
                        if (now >= measureFrom) {
                            if (counts[thread] == latencies[thread].length) {
                                latencies[thread] = Arrays.copyOf(latencies[thread], counts[thread] * 2);
                            }
                            latencies[thread][counts[thread]++] = took;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, name + "-" + t);
            worker.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(name, connections, total, errors.get(), measure.toNanos() / 1e9, percentile(all, 0.50),
                percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
