package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Two gateway processes in front of one set of services and one store, as replicas behind a load
 * balancer: a write retried through the other replica under the same Idempotency-Key is applied
 * once and answered as the first time; duplicates sent at once are applied once; the key cannot be
 * reused for another request. The keys live in the services' databases, so neither gateway keeps
 * anything.
 */
class IdempotencyAcrossGatewaysIT {

    private static final String EQUIPMENT = "/api/v1/brigades/zezhou-gaodu/equipment";

    @Test
    void aWriteRetriedThroughAnotherGatewayIsAppliedOnceAndReplaysTheFirstAnswer() throws Exception {
        // without class-data sharing (run.sh would first train archives for freshly built jars), and
        // patient with a busy machine: this test is about answers, not start-up time
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-idempotency"))
                .withEnv("CDS", "0").withEnv("START_TIMEOUT", "400")) {
            stack.start();
            Api first = new Api(stack.gatewayPort);
            Api second = new Api(stack.startAnotherGateway());
            String clerk = first.token("clerk-zezhou", RunningStack.PASSWORD);

            String helmets = "{\"itemCode\":\"PPE_HELMET\",\"quantity\":10}";
            Api.Response created = first.postIdempotent(EQUIPMENT, clerk, "helmets-1", helmets);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Idempotent-Replayed")).isNull();
            Api.Response retried = second.postIdempotent(EQUIPMENT, clerk, "helmets-1", helmets);
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retried.raw().body()).isEqualTo(created.raw().body());
            // (an equipment holding has no version, so no ETag: both answers have none, or the same)
            assertThat(retried.header("ETag")).isEqualTo(created.header("ETag"));
            assertThat(retried.header("Location")).isEqualTo(created.header("Location"));
            assertThat(count(first, clerk)).isEqualTo(1);

            // the same key for another request is refused on either gateway, and changes nothing
            Api.Response reused = second.postIdempotent(EQUIPMENT, clerk, "helmets-1",
                    "{\"itemCode\":\"PPE_HELMET\",\"quantity\":11}");
            assertThat(reused.status()).isEqualTo(422);
            assertThat(reused.isProblem()).isTrue();
            assertThat(first.postIdempotent(EQUIPMENT, clerk, "helmets-1", "{\"itemCode\":\"PPE_BOOTS\",\"quantity\":1}")
                    .status()).isEqualTo(422);
            assertThat(count(first, clerk)).isEqualTo(1);

            // another user's key of the same name is another key
            String admin = first.token("admin", RunningStack.PASSWORD);
            assertThat(second.postIdempotent(EQUIPMENT, admin, "helmets-1", "{\"itemCode\":\"PPE_BOOTS\",\"quantity\":4}")
                    .status()).isEqualTo(201);
            assertThat(count(first, clerk)).isEqualTo(2);

            duplicatesSentAtOnceThroughBothGatewaysAreAppliedOnce(first, second, clerk);
            anUpdateRetriedThroughTheOtherGatewayReplaysInsteadOfFailingItsIfMatch(first, second, clerk);
        }
    }

    private static void duplicatesSentAtOnceThroughBothGatewaysAreAppliedOnce(Api first, Api second, String clerk)
            throws Exception {
        int before = count(first, clerk);
        String gloves = "{\"itemCode\":\"PPE_GLOVES\",\"quantity\":12}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Api.Response>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api gateway = i % 2 == 0 ? first : second;
                sends.add(() -> {
                    go.await();
                    return gateway.postIdempotent(EQUIPMENT, clerk, "gloves-1", gloves);
                });
            }
            List<Future<Api.Response>> futures = new ArrayList<>();
            sends.forEach(s -> futures.add(pool.submit(s)));
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            List<Integer> statuses = answers.stream().map(Api.Response::status).toList();
            System.out.println("8 duplicates at once through two gateways answered " + statuses);
            assertThat(statuses).isSubsetOf(201, 409).contains(201);
            assertThat(answers.stream().filter(a -> a.status() == 201).map(a -> a.body().get("id").asString())
                    .distinct()).hasSize(1);
            assertThat(answers.stream().filter(a -> a.status() == 409)).allMatch(Api.Response::isProblem);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(first, clerk)).isEqualTo(before + 1);
        // once the first has answered, the duplicates get its answer
        Api.Response late = second.postIdempotent(EQUIPMENT, clerk, "gloves-1", gloves);
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count(first, clerk)).isEqualTo(before + 1);
    }

    private static void anUpdateRetriedThroughTheOtherGatewayReplaysInsteadOfFailingItsIfMatch(Api first, Api second,
            String clerk) throws Exception {
        String etag = first.get("/api/v1/brigades/zezhou-gaodu", clerk).header("ETag");
        String notes = "{\"notes\":\"retried through another replica\"}";
        Api.Response updated = first.sendIdempotent("PATCH", "/api/v1/brigades/zezhou-gaodu", clerk, etag, "notes-1",
                notes);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isNotNull().isNotEqualTo(etag);
        Api.Response retried = second.sendIdempotent("PATCH", "/api/v1/brigades/zezhou-gaodu", clerk, etag, "notes-1",
                notes);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.header("ETag")).isEqualTo(updated.header("ETag"));
        assertThat(first.get("/api/v1/brigades/zezhou-gaodu", clerk).header("ETag")).isEqualTo(updated.header("ETag"));
        // without a key the same retry is what If-Match makes of it: stale
        assertThat(second.patch("/api/v1/brigades/zezhou-gaodu", clerk, etag, notes).status()).isEqualTo(412);
    }

    private static int count(Api api, String token) throws Exception {
        return api.get(EQUIPMENT, token).body().get("items").size();
    }
}
