package cn.jincheng.brigades.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import cn.jincheng.brigades.common.domain.evidence.AttachableRecords;
import cn.jincheng.brigades.common.domain.evidence.EvidenceLimits;
import cn.jincheng.brigades.common.domain.evidence.EvidenceService;
import cn.jincheng.brigades.common.domain.evidence.RecordKind;
import cn.jincheng.brigades.common.grpc.AttachmentGrpcService;
import cn.jincheng.brigades.common.grpc.identity.CallerInterceptor;
import cn.jincheng.brigades.common.persistence.AuditOutbox;
import cn.jincheng.brigades.common.persistence.GridFsAttachmentStore;
import cn.jincheng.brigades.common.persistence.MongoEvidenceRoom;
import cn.jincheng.brigades.common.persistence.ObjectIdRecordIds;
import cn.jincheng.brigades.common.persistence.TestAuditKeys;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.common.testing.TestImages;
import cn.jincheng.brigades.common.testing.TestTime;
import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.common.tokens.InternalTokenVerifier;
import cn.jincheng.brigades.standin.StandInServer;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;

/**
 * Evidence through the REST face: the gateway streams the multipart file over gRPC to the real
 * attachment service (common's, as station-service runs it) on the stand-in, and serves it back
 * with the safe headers. The gateway's own cap (200 KB here) is above the service's (100 KB), so
 * both refusals are seen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(TestTime.FixedClock.class)
class EvidenceRestTest {

    static final Path DATA_DIR = LocalResources.tempDir("evidence-rest-test");
    static final int STATION_PORT = LocalResources.freePort();
    static final int EQUIPMENT_PORT = LocalResources.freePort();
    static final Path IDENTITY_KEY = DATA_DIR.resolve("keys/internal-identity.jwk");
    static final String GAODU = "zezhou-gaodu";
    static final StandInServer MONGO = StandInServer.start(DATA_DIR.resolve("mongo"), "127.0.0.1", 0);
    static final MongoClient CLIENT = MongoClients.create(MONGO.connectionString());
    static final Server STATION;
    /** equipment-service keeps no attachment here: the gateway asks it after station-service's 404. */
    static final Server EQUIPMENT;

    static {
        var database = CLIENT.getDatabase("station");
        var store = new GridFsAttachmentStore(database, new AuditOutbox(TestAuditKeys.trail(database)));
        AttachableRecords records = new AttachableRecords() {
            @Override
            public Set<RecordKind> kinds() {
                return Set.of(RecordKind.MILESTONE_SUBMISSION, RecordKind.HOUSING);
            }

            @Override
            public Map<String, String> counties(Collection<String> ids) {
                Map<String, String> known = new HashMap<>();
                ids.stream().filter(GAODU::equals).forEach(id -> known.put(id, "zezhou"));
                return known;
            }

            @Override
            public boolean exists(String brigadeId, String countyId, RecordKind kind, String recordId) {
                return kind == RecordKind.HOUSING ? recordId.equals(brigadeId) : recordId.equals("land");
            }
        };
        EvidenceService evidence = new EvidenceService(store, new MongoEvidenceRoom(database, Duration.ofHours(1)), records,
                new ObjectIdRecordIds(), TestTime.timeSource(),
                new EvidenceLimits(100 * 1024, 20, 50L * 1024 * 1024));
        var equipmentDatabase = CLIENT.getDatabase("equipment");
        EvidenceService none = new EvidenceService(new GridFsAttachmentStore(equipmentDatabase,
                new AuditOutbox(TestAuditKeys.trail(equipmentDatabase))),
                new MongoEvidenceRoom(equipmentDatabase, Duration.ofHours(1)), new AttachableRecords() {
                    @Override
                    public Set<RecordKind> kinds() {
                        return Set.of(RecordKind.VEHICLE);
                    }

                    @Override
                    public Map<String, String> counties(Collection<String> ids) {
                        return Map.of();
                    }

                    @Override
                    public boolean exists(String brigadeId, String countyId, RecordKind kind, String recordId) {
                        return false;
                    }
                }, new ObjectIdRecordIds(), TestTime.timeSource(), EvidenceLimits.DEFAULT);
        try {
            var verifier = new InternalTokenVerifier(IdentityKeyStore.loadOrCreate(IDENTITY_KEY), TestTime.clock());
            STATION = NettyServerBuilder.forPort(STATION_PORT)
                    .addService(ServerInterceptors.intercept(new AttachmentGrpcService(evidence),
                            new CallerInterceptor(verifier)))
                    .build().start();
            EQUIPMENT = NettyServerBuilder.forPort(EQUIPMENT_PORT)
                    .addService(ServerInterceptors.intercept(new AttachmentGrpcService(none), new CallerInterceptor(verifier)))
                    .build().start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("brigades.backends.station.address", () -> "127.0.0.1:" + STATION_PORT);
        registry.add("brigades.backends.equipment.address", () -> "127.0.0.1:" + EQUIPMENT_PORT);
        registry.add("brigades.backends.staffing.address", () -> "127.0.0.1:" + LocalResources.freePort());
        registry.add("brigades.identity.key-file", IDENTITY_KEY::toString);
        registry.add("brigades.auth.local.key-file", () -> DATA_DIR.resolve("keys/user-token.jwk").toString());
        registry.add("brigades.evidence.max-file-size", () -> "200KB");
    }

    @Value("${local.server.port}")
    int port;

    WebTestClient http;

    @BeforeEach
    void setUp() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        STATION.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        EQUIPMENT.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        CLIENT.close();
        MONGO.close();
    }

    private String token(String user) {
        Map<?, ?> body = http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", "demo-2019"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("access_token");
    }

    private WebTestClient.ResponseSpec upload(String token, String brigade, String name, byte[] bytes, String key) {
        return upload(token, brigade, "MILESTONE_SUBMISSION", "land", name, bytes, key);
    }

    private WebTestClient.ResponseSpec upload(String token, String brigade, String recordKind, String recordId, String name,
            byte[] bytes, String key) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("recordKind", recordKind);
        body.part("recordId", recordId);
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.IMAGE_JPEG); // what the client claims is never believed
        return http.post().uri("/api/v1/brigades/" + brigade + "/attachments").headers(h -> {
            h.setBearerAuth(token);
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    private static void isProblem(WebTestClient.ResponseSpec response, int status, String detailPart) {
        response.expectStatus().isEqualTo(status).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detailPart));
    }

    @Test
    void aPhotoIsStoredWithItsHashAndSniffedTypeAndServedBackByteForByteWithSafeHeaders() throws Exception {
        String clerk = token("clerk-zezhou");
        byte[] photo = TestImages.jpeg(640, 480);
        Map<?, ?> stored = upload(clerk, GAODU, "现场.png", photo, null).expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/api/v1/attachments/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(stored.get("contentType")).isEqualTo("image/jpeg");
        assertThat(stored.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)));
        assertThat(stored.get("size")).isEqualTo(photo.length);
        assertThat(stored.get("originalName")).isEqualTo("现场.png");
        assertThat(stored.get("uploadedBy")).isEqualTo("clerk-zezhou");

        byte[] served = http.get().uri((String) stored.get("contentUrl")).headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; sandbox")
                .expectHeader().value("Content-Disposition", d -> assertThat(d).startsWith("inline"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(photo);
        http.get().uri(stored.get("contentUrl") + "?download=true").headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isOk().expectHeader().value("Content-Disposition", d -> assertThat(d).startsWith("attachment"));
        byte[] thumbnail = http.get().uri((String) stored.get("thumbnailUrl")).headers(h -> h.setBearerAuth(token("firedept")))
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail)).getWidth()).isEqualTo(320);
    }

    @Test
    void aPageNamedLikeAPhotoIsRefused415AndFilesOverEitherCapAre413() {
        String clerk = token("clerk-zezhou");
        isProblem(upload(clerk, GAODU, "photo.jpg",
                "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(), null), 415, "text/html");
        byte[] overService = java.util.Arrays.copyOf(TestImages.jpeg(64, 48), 150 * 1024);
        isProblem(upload(clerk, GAODU, "big.jpg", overService, null), 413, "100 KB");
        byte[] overGateway = java.util.Arrays.copyOf(TestImages.jpeg(64, 48), 600 * 1024);
        isProblem(upload(clerk, GAODU, "bigger.jpg", overGateway, null), 413, "MB");
        http.get().uri("/api/v1/brigades/" + GAODU + "/attachments?recordKind=MILESTONE_SUBMISSION&recordId=land")
                .headers(h -> h.setBearerAuth(clerk)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.originalName == 'photo.jpg')]").doesNotExist()
                .jsonPath("$.items[?(@.originalName == 'big.jpg')]").doesNotExist();
    }

    @Test
    void anotherCountysClerkGets404OnWriteAndRead() {
        Map<?, ?> stored = upload(token("clerk-zezhou"), GAODU, "a.jpg", TestImages.jpeg(40, 30), null)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String other = token("clerk-gaoping");
        isProblem(upload(other, GAODU, "b.jpg", TestImages.jpeg(40, 30), null), 404, "brigade");
        http.get().uri((String) stored.get("contentUrl")).headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
        http.delete().uri("/api/v1/attachments/" + stored.get("id")).headers(h -> h.setBearerAuth(other)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aRetryUnderTheSameKeyAnswersTheFirstAttachmentAndADeleteIsSoftAndShownToInspectors() {
        String clerk = token("clerk-zezhou");
        byte[] photo = TestImages.png(80, 60);
        Map<?, ?> first = upload(clerk, GAODU, "p.png", photo, "sync-42").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = upload(clerk, GAODU, "p.png", photo, "sync-42").expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(first.get("contentType")).isEqualTo("image/png");

        http.delete().uri("/api/v1/attachments/" + first.get("id")).headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isNoContent();
        List<?> visible = (List<?>) http.get().uri("/api/v1/brigades/" + GAODU + "/attachments?recordKind=MILESTONE_SUBMISSION")
                .headers(h -> h.setBearerAuth(clerk)).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("items");
        assertThat(visible).noneMatch(a -> ((Map<?, ?>) a).get("id").equals(first.get("id")));
        http.get().uri("/api/v1/brigades/" + GAODU + "/attachments?recordKind=MILESTONE_SUBMISSION&includeDeleted=true")
                .headers(h -> h.setBearerAuth(token("inspector"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + first.get("id") + "')].deletedBy").isEqualTo("clerk-zezhou");
        http.get().uri("/api/v1/brigades/" + GAODU + "/attachments?includeDeleted=true")
                .headers(h -> h.setBearerAuth(clerk)).exchange().expectStatus().isForbidden();
    }

    /** 24 uploads at once to a record that takes 20 files: exactly 20 stored, each other one told why. */
    @Test
    void parallelUploadsToOneRecordStopExactlyAtItsCapAndTheOthersGet413() throws Exception {
        String clerk = token("clerk-zezhou");
        int uploads = 24;
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(uploads);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(uploads);
        List<java.util.concurrent.Future<org.springframework.test.web.reactive.server.EntityExchangeResult<String>>> results =
                new java.util.ArrayList<>();
        try {
            for (int i = 0; i < uploads; i++) {
                byte[] photo = TestImages.png(40 + i, 30);
                results.add(threads.submit(() -> {
                    together.await();
                    return upload(clerk, GAODU, "HOUSING", GAODU, "site.png", photo, null).expectBody(String.class)
                            .returnResult();
                }));
            }
            int stored = 0;
            for (var result : results) {
                var answer = result.get(60, TimeUnit.SECONDS);
                if (answer.getStatus().value() == 201) {
                    stored++;
                } else {
                    assertThat(answer.getStatus().value()).isEqualTo(413);
                    assertThat(answer.getResponseBody()).contains("20 files");
                }
            }
            assertThat(stored).isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
        List<?> kept = (List<?>) http.get().uri("/api/v1/brigades/" + GAODU + "/attachments?recordKind=HOUSING&recordId=" + GAODU)
                .headers(h -> h.setBearerAuth(clerk)).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("items");
        assertThat(kept).hasSize(20);
    }
}
