package cn.jincheng.brigades.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.common.testing.TestTime;
import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.common.tokens.InternalTokenVerifier;
import cn.jincheng.brigades.gateway.backend.Backend;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

/**
 * The REST face against a real gRPC server standing in for station-service: authentication,
 * identity hand-over, ETag/If-Match, error mapping, bad input and the circuit breaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@Import(TestTime.FixedClock.class)
class GatewayRestTest {

    static final Path DATA_DIR = LocalResources.tempDir("gateway-test");
    static final int STATION_PORT = LocalResources.freePort();
    static final Path IDENTITY_KEY = DATA_DIR.resolve("keys/internal-identity.jwk");
    static final Path USER_KEY = DATA_DIR.resolve("keys/user-token.jwk");
    static final String GAODU = "/api/v1/brigades/zezhou-gaodu";
    static final FakeStation STATION = new FakeStation(STATION_PORT,
            new InternalTokenVerifier(IdentityKeyStore.loadOrCreate(IDENTITY_KEY), TestTime.clock()));

    static {
        STATION.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("brigades.backends.station.address", () -> "127.0.0.1:" + STATION_PORT);
        registry.add("brigades.backends.equipment.address", () -> "127.0.0.1:" + LocalResources.freePort());
        registry.add("brigades.backends.staffing.address", () -> "127.0.0.1:" + LocalResources.freePort());
        registry.add("brigades.identity.key-file", IDENTITY_KEY::toString);
        registry.add("brigades.auth.local.key-file", USER_KEY::toString);
        registry.add("brigades.resilience.deadline", () -> "1s");
        registry.add("brigades.resilience.breaker.minimum-calls", () -> "4");
        registry.add("brigades.resilience.breaker.sliding-window", () -> "8");
        registry.add("brigades.resilience.breaker.open-for", () -> "1s");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    Map<Backend, CircuitBreaker> breakers;

    @Autowired
    org.springframework.context.ApplicationContext context;

    WebTestClient http;

    /**
     * Every test starts from a healthy stand-in and closed breakers with empty windows, in whatever
     * order the tests run: the outages some tests provoke (a 504, a 500, the stopped stand-in) would
     * otherwise add up in the small test window and open the breaker in the middle of a later test.
     */
    @BeforeEach
    void setUp() {
        STATION.reset();
        breakers.values().forEach(CircuitBreaker::reset);
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }

    @AfterAll
    static void stopStation() throws InterruptedException {
        STATION.stop();
    }

    private String token(String user) {
        Map<?, ?> body = http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", "demo-2019"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("access_token");
    }

    /**
     * A response whose body no assertion reads must still be read, or Reactor Netty's buffers holding
     * it are never released (Netty's "LEAK: ByteBuf.release() was not called", client side): end such
     * chains with expectBody(Void.class) or use returnResult(Void.class), which read and release it;
     * returnResult(String.class) and a bare expectStatus() leave it unread.
     */
    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private WebTestClient.ResponseSpec patch(String path, String token, String ifMatch, String json) {
        return http.patch().uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static void isProblem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(status).jsonPath("$.title").exists()
                .jsonPath("$.type").exists();
    }

    @Test
    void operationsAreServedByTheGatewaysOwnWebServerNotByASecondOneAsInTheServices() {
        assertThat(context.getBeanNamesForType(cn.jincheng.brigades.common.config.OperationsHttpServer.class)).isEmpty();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    // --- authentication -----------------------------------------------------------------------

    @Test
    void aCallerOverTheRateLimitIsToldToComeBackLaterAndOthersAreNotHeldUp() {
        String flooding = token("clerk-yangcheng");
        int burst = 1_000; // application.yml: a burst of 1,000 per caller in 10 s
        int passed = 0;
        // Void.class: the body is read and released (see get(); String.class left a thousand bodies unread)
        while (passed < 5 * burst && get("/api/v1/calendar", flooding).returnResult(Void.class).getStatus().value() == 200) {
            passed++;
        }
        // more than the burst passes only if a new period began meanwhile (a very slow machine)
        assertThat(passed).isGreaterThanOrEqualTo(burst).isLessThan(5 * burst);
        get("/api/v1/calendar", flooding).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.status").isEqualTo(429);
        get("/api/v1/calendar", token("clerk-chengqu")).expectStatus().isOk().expectBody(Void.class);
    }

    @Test
    void theTokenEndpointIssuesBearerTokensForDemoAccountsOnly() {
        http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "inspector", "password", "demo-2019")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(3600)
                .jsonPath("$.access_token").isNotEmpty();
        isProblem(http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "inspector", "password", "wrong")).exchange(), 401);
        isProblem(http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "nobody", "password", "demo-2019")).exchange(), 401);
    }

    @Test
    void repeatedWrongPasswordsForAUserAreAnswered429UntilTheWindowPasses() {
        for (int i = 0; i < 5; i++) {
            isProblem(http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "clerk-lingchuan", "password", "guess" + i)).exchange(), 401);
        }
        http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "clerk-lingchuan", "password", "demo-2019")).exchange()
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody(Void.class);
        token("clerk-qinshui"); // other users are not affected
    }

    @Test
    void crossOriginRequestsAreNotAllowedByDefault() {
        http.options().uri("/api/v1/counties").header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin").expectBody(Void.class);
    }

    @Test
    void everyApiCallNeedsAValidTokenAndBadOnesNeverReachTheService() throws Exception {
        isProblem(http.get().uri("/api/v1/counties").exchange(), 401);
        isProblem(get("/api/v1/counties", "not-a-jwt"), 401);

        ECKey userKey = IdentityKeyStore.loadOrCreate(USER_KEY);
        JWTClaimsSet good = claims("urn:brigades:local", "brigades-api", TestTime.NOW.plusSeconds(600));
        assertThat(get("/api/v1/counties", sign(good, userKey)).expectStatus().isOk().expectBody(Void.class)).isNotNull();

        ECKey otherKey = new ECKeyGenerator(Curve.P_256).keyID(userKey.getKeyID()).generate();
        isProblem(get("/api/v1/counties", sign(good, otherKey)), 401);
        isProblem(get("/api/v1/counties", new PlainJWT(good).serialize()), 401);
        isProblem(get("/api/v1/counties",
                sign(claims("urn:brigades:local", "brigades-api", TestTime.NOW.minusSeconds(600)), userKey)), 401);
        isProblem(get("/api/v1/counties",
                sign(claims("https://evil.example", "brigades-api", TestTime.NOW.plusSeconds(600)), userKey)), 401);
        isProblem(get("/api/v1/counties",
                sign(claims("urn:brigades:local", "other-api", TestTime.NOW.plusSeconds(600)), userKey)), 401);
        JWTClaimsSet noRole = new JWTClaimsSet.Builder(good).claim("role", "MAYOR").build();
        isProblem(get("/api/v1/counties", sign(noRole, userKey)), 401);
        assertThat(STATION.calls.get()).isEqualTo(1);
    }

    @Test
    void theCalendarGivesTheBusinessZoneAndItsTodayNotTheMachines() {
        get("/api/v1/calendar", token("clerk-zezhou")).expectStatus().isOk().expectBody()
                .jsonPath("$.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.today").isEqualTo(TestTime.TODAY.toString());
        isProblem(http.get().uri("/api/v1/calendar").exchange(), 401);
    }

    @Test
    void theVerifiedCallerReachesTheServiceAsAGatewaySignedIdentity() {
        get("/api/v1/brigades/zezhou-gaodu", token("clerk-zezhou")).expectStatus().isOk().expectBody(Void.class);
        assertThat(STATION.lastCaller.get()).isEqualTo(new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou"));
        get("/api/v1/counties", token("firedept")).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].brigadeCount").isEqualTo(6);
        assertThat(STATION.lastCaller.get()).isEqualTo(new Caller("firedept", Role.FIRE_DEPT, null));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        get("/api/v1/counties", token("admin")).expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer").expectBody(Void.class);
    }

    @Test
    void theInstallableDashboardIsServedWithoutATokenWithTypesTheBrowserAccepts() {
        http.get().uri("/sw.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("worker-src 'self'").contains("manifest-src 'self'")
                        .contains("script-src 'self';").doesNotContain("unsafe-eval")).expectBody(Void.class);
        http.get().uri("/manifest.webmanifest").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/manifest+json")
                .expectBody().jsonPath("$.start_url").isEqualTo("/").jsonPath("$.icons[0].src").isEqualTo("icons/icon-192.png");
        http.get().uri("/icons/icon-512.png").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(Void.class);
        http.get().uri("/js/offline/queue.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript").expectBody(Void.class);
    }

    // --- ETag and If-Match --------------------------------------------------------------------

    @Test
    void aBrigadeCarriesItsVersionAsETagAndAPatchNeedsIfMatch() {
        String admin = token("admin");
        get("/api/v1/brigades/zezhou-gaodu", admin).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"7\"")
                .expectBody().jsonPath("$.level").isEqualTo("LEVEL_ONE")
                .jsonPath("$.constructionMode").isEqualTo("SELF_BUILT").jsonPath("$.county").isEqualTo("zezhou");

        isProblem(patch("/api/v1/brigades/zezhou-gaodu", admin, null, "{\"notes\":\"x\"}"), 428);
        assertThat(STATION.lastUpdate.get()).isNull();

        patch("/api/v1/brigades/zezhou-gaodu", admin, "\"7\"", "{\"housing\":{\"floorAreaM2\":650}}")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"8\"")
                .expectBody().jsonPath("$.housing.floorAreaM2").isEqualTo(650.0);
        assertThat(STATION.lastUpdate.get().getExpectedVersion()).isEqualTo(7);
        assertThat(STATION.lastUpdate.get().getHousing().hasGarageBays()).isFalse();
        assertThat(STATION.lastUpdate.get().hasNotes()).isFalse();
    }

    @Test
    void aStaleIfMatchIsA412NamingTheCurrentVersion() {
        STATION.failure.set(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.ABORTED_VALUE).setMessage("brigade 'zezhou-gaodu' is at version 9, not 7")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("STALE_VERSION")
                        .putMetadata("currentVersion", "9").build()))
                .build()));
        patch("/api/v1/brigades/zezhou-gaodu", token("admin"), "\"7\"", "{\"notes\":\"x\"}")
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.currentVersion").isEqualTo(9);
    }

    // --- error mapping ------------------------------------------------------------------------

    @Test
    void serviceRefusalsKeepTheirMeaning() {
        String admin = token("admin");
        Map<Status.Code, Integer> expected = Map.of(Status.Code.NOT_FOUND, 404, Status.Code.PERMISSION_DENIED, 403,
                Status.Code.FAILED_PRECONDITION, 409, Status.Code.ALREADY_EXISTS, 409);
        expected.forEach((code, http) -> {
            STATION.failure.set(Status.fromCode(code).withDescription("said " + code).asRuntimeException());
            get("/api/v1/brigades/x", admin).expectStatus().isEqualTo(http).expectBody()
                    .jsonPath("$.detail").isEqualTo("said " + code);
        });
        STATION.failure.set(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("2 fields are invalid")
                .addDetails(Any.pack(BadRequest.newBuilder()
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("housing.floorAreaM2")
                                .setDescription("must be between 0 and 100000"))
                        .addFieldViolations(BadRequest.FieldViolation.newBuilder().setField("housing.garageBays")
                                .setDescription("must be between 0 and 50"))
                        .build()))
                .build()));
        get("/api/v1/brigades/x", admin).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("housing.floorAreaM2")
                .jsonPath("$.errors[1].message").isEqualTo("must be between 0 and 50");
    }

    @Test
    void aServiceBugIsA500ThatTellsNothingOfInternals() {
        STATION.failure.set(Status.INTERNAL.withDescription("NPE at db-7.internal:27017").asRuntimeException());
        String body = get("/api/v1/brigades/x", token("admin")).expectStatus().isEqualTo(500)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("db-7").doesNotContain("NPE").contains("internal error");
    }

    @Test
    void aServiceWhoseDependencyIsDownAnswers503NamingTheDependencyAndKeepsItsBreakerClosed() {
        STATION.failure.set(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE).setMessage("equipment-service is unavailable")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("DEPENDENCY_UNAVAILABLE")
                        .putMetadata("service", "equipment-service").build()))
                .build()));
        String admin = token("admin");
        for (int i = 0; i < 12; i++) {
            get("/api/v1/brigades/x", admin).expectStatus().isEqualTo(503).expectBody()
                    .jsonPath("$.service").isEqualTo("equipment-service");
        }
        STATION.failure.set(null);
        get("/api/v1/brigades/x", admin).expectStatus().isOk().expectBody(Void.class); // station-service's breaker did not open
    }

    @Test
    void aSlowServiceIsA504NamingIt() {
        STATION.delayMillis = 1500;
        get("/api/v1/brigades/x", token("admin")).expectStatus().isEqualTo(504).expectBody()
                .jsonPath("$.service").isEqualTo("station-service");
    }

    // --- bad input: refused by the gateway itself, so none of it may reach the service ---------

    @Test
    void aBodyThatIsNotValidJsonIsRefusedAsA400Problem() {
        int callsBefore = STATION.calls.get();
        isProblem(patch(GAODU, token("admin"), "\"7\"", "{\"housing\": {"), 400);
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void textWhereANumberBelongsIsRefusedNamingTheField() {
        int callsBefore = STATION.calls.get();
        patch(GAODU, token("admin"), "\"7\"", "{\"housing\":{\"floorAreaM2\":\"big\"}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("housing.floorAreaM2");
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void aFractionalCountIsRefusedAsNotAWholeNumber() {
        int callsBefore = STATION.calls.get();
        patch(GAODU, token("admin"), "\"7\"", "{\"housing\":{\"garageBays\":2.5}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be a whole number");
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    /** Jackson's own reader would take [2019,9,1], read [] as no date and cut the time off a timestamp. */
    @Test
    void aDateIsOnlyEverTheStringYearMonthDay() {
        int callsBefore = STATION.calls.get();
        for (String date : List.of("[]", "[2019,9,1]", "20190901", "\"2019-09-01T10:00\"", "\"2019-02-30\"", "{}")) {
            http.post().uri(GAODU + "/mode").header("Authorization", "Bearer " + token("admin"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"constructionMode\":\"GOVERNMENT\",\"effectiveDate\":" + date + "}").exchange()
                    .expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("effectiveDate")
                    .jsonPath("$.errors[0].message").isEqualTo("must be a date as YYYY-MM-DD");
        }
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        int callsBefore = STATION.calls.get();
        patch(GAODU, token("admin"), "\"7\"", "{\"colour\":\"red\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("colour");
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void aFieldThatIsNotEditableHereIsRefusedAsCannotBeChanged() {
        int callsBefore = STATION.calls.get();
        patch(GAODU, token("admin"), "\"7\"", "{\"town\":\"x\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("cannot be changed here");
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void aBrigadeShowsWhoPaysItsFirefightersByThePlanWhichAPatchCannotChange() {
        String admin = token("admin");
        get("/api/v1/brigades/gaoping-sanjia", admin).expectStatus().isOk().expectBody()
                .jsonPath("$.fundingPayer").isEqualTo("TOWNSHIP");
        get(GAODU, admin).expectStatus().isOk().expectBody().jsonPath("$.fundingPayer").isEqualTo("COUNTY_FINANCE");
        int callsBefore = STATION.calls.get();
        patch(GAODU, admin, "\"7\"", "{\"fundingPayer\":\"TOWNSHIP\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fundingPayer")
                .jsonPath("$.errors[0].message").isEqualTo("cannot be changed here");
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void anUnknownRoomIsRefusedNamingItsPlaceInTheList() {
        int callsBefore = STATION.calls.get();
        patch(GAODU, token("admin"), "\"7\"", "{\"housing\":{\"rooms\":[\"COMMS_DUTY_ROOM\",\"SAUNA\"]}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("housing.rooms[1]");
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void aNumberWhereTextBelongsIsRefusedAs400() {
        int callsBefore = STATION.calls.get();
        patch(GAODU, token("admin"), "\"7\"", "{\"notes\": 5}").expectStatus().isBadRequest().expectBody(Void.class);
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void anIfMatchThatIsNotAVersionIsRefusedAs400() {
        int callsBefore = STATION.calls.get();
        patch(GAODU, token("admin"), "\"abc\"", "{\"notes\":\"x\"}").expectStatus().isBadRequest().expectBody(Void.class);
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedAsA413Problem() {
        int callsBefore = STATION.calls.get();
        isProblem(patch(GAODU, token("admin"), "\"7\"", "{\"notes\":\"" + "x".repeat(1_100_000) + "\"}"), 413);
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsA415Problem() {
        int callsBefore = STATION.calls.get();
        String admin = token("admin");
        isProblem(http.patch().uri(GAODU).headers(h -> {
            h.setBearerAuth(admin);
            h.setIfMatch("\"7\"");
        }).contentType(MediaType.TEXT_PLAIN).bodyValue("notes=x").exchange(), 415);
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void anUnknownLevelInTheQueryIsRefusedAsA400Problem() {
        int callsBefore = STATION.calls.get();
        isProblem(get("/api/v1/brigades?level=LEVEL_THREE", token("admin")), 400);
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    @Test
    void anImpossibleDateInTheQueryIsRefusedAsA400Problem() {
        int callsBefore = STATION.calls.get();
        isProblem(get("/api/v1/supervision?asOf=2019-02-30", token("admin")), 400);
        assertThat(STATION.calls.get() - callsBefore).isZero();
    }

    // --- the 13710 supervision export -----------------------------------------------------------

    private byte[] download(String path, String token, String contentType) {
        return get(path, token).expectStatus().isOk().expectHeader().contentTypeCompatibleWith(contentType)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    @Test
    void theSupervisionExportAsXlsxHasTheChineseHeadingsAndOneLinePerOverdueMilestone() throws Exception {
        byte[] file = download("/api/v1/supervision/export?format=xlsx&asOf=2019-11-16", token("inspector"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsExactly("县(市、区)", "乡镇", "督办事项", "应完成日期", "超期天数",
                    "责任单位", "状态");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(cells(sheet.getRow(1))).containsExactly("泽州县", "高都镇", "全面建设：营房、车辆、人员、经费到位",
                    "2019-10-31", "16", "泽州县人民政府", "未开始");
            // a cell that looks like a formula is text with an apostrophe, never a formula
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
            assertThat(cells(sheet.getRow(3))).containsExactly("阳城县", "润城镇", "部署发动：县级实施方案已分解任务",
                    "2019-06-25", "144", "阳城县人民政府", "已提交待审核");
        }
        assertThat(STATION.lastSupervision.get().getAsOf().getDay()).isEqualTo(16);
        assertThat(STATION.lastSupervision.get().getCountyId()).isEmpty();
    }

    private static List<String> cells(org.apache.poi.ss.usermodel.Row row) {
        List<String> cells = new java.util.ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }

    @Test
    void theSupervisionExportAsCsvIsUtf8WithABomAndTheSameTable() {
        var response = get("/api/v1/supervision/export?format=csv&asOf=2019-11-16", token("admin"))
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class).returnResult();
        assertThat(response.getResponseHeaders().getFirst("Content-Disposition"))
                .startsWith("attachment; filename=\"supervision-2019-11-16.csv\"");
        String text = new String(response.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF县(市、区),乡镇,督办事项,应完成日期,超期天数,责任单位,状态\r\n");
        assertThat(text.split("\r\n")).hasSize(4).contains(
                "泽州县,高都镇,全面建设：营房、车辆、人员、经费到位,2019-10-31,16,泽州县人民政府,未开始",
                "泽州县,\"'=HYPERLINK(\"\"x\"\")\",全面建设：营房、车辆、人员、经费到位,2019-10-31,16,泽州县人民政府,已退回",
                "阳城县,润城镇,部署发动：县级实施方案已分解任务,2019-06-25,144,阳城县人民政府,已提交待审核");
    }

    @Test
    void theSupervisionExportAsJsonIsTheSameListWithEnglishKeysAndItsDay() {
        get("/api/v1/supervision/export?format=json&asOf=2019-11-16", token("firedept")).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON).expectBody()
                .jsonPath("$.asOf").isEqualTo("2019-11-16")
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].county").isEqualTo("zezhou")
                .jsonPath("$.items[0].countyName").isEqualTo("泽州县")
                .jsonPath("$.items[0].town").isEqualTo("高都镇")
                .jsonPath("$.items[0].brigadeId").isEqualTo("zezhou-gaodu")
                .jsonPath("$.items[0].milestoneId").isEqualTo("construction-complete")
                .jsonPath("$.items[0].task").isEqualTo("全面建设：营房、车辆、人员、经费到位")
                .jsonPath("$.items[0].dueDate").isEqualTo("2019-10-31")
                .jsonPath("$.items[0].daysOverdue").isEqualTo(16)
                .jsonPath("$.items[0].responsibleParty").isEqualTo("泽州县人民政府")
                .jsonPath("$.items[0].status").isEqualTo("PENDING")
                .jsonPath("$.items[0].statusText").isEqualTo("未开始")
                .jsonPath("$.items[2].status").isEqualTo("SUBMITTED");
    }

    @Test
    void theSupervisionExportFollowsTheCountyFilterAndTheListsScope() {
        get("/api/v1/supervision/export?format=json&county=yangcheng&asOf=2019-11-16", token("inspector"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].county").isEqualTo("yangcheng");
        assertThat(STATION.lastSupervision.get().getCountyId()).isEqualTo("yangcheng");
        // a county clerk gets their own county only, and is refused another as the list refuses it
        get("/api/v1/supervision/export?format=json&asOf=2019-11-16", token("clerk-zezhou"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].county").isEqualTo("zezhou")
                .jsonPath("$.items[1].county").isEqualTo("zezhou");
        isProblem(get("/api/v1/supervision/export?format=csv&county=yangcheng", token("clerk-zezhou")), 403);
        isProblem(http.get().uri("/api/v1/supervision/export").exchange(), 401);
    }

    @Test
    void badSupervisionExportRequestsAreProblemsAndAskNothingOfTheList() {
        String admin = token("admin");
        isProblem(get("/api/v1/supervision/export?format=pdf", admin), 400);
        isProblem(get("/api/v1/supervision/export?format=csv&asOf=2019-02-30", admin), 400);
        isProblem(get("/api/v1/supervision/export?format=csv&asOf=yesterday", admin), 400);
        isProblem(get("/api/v1/supervision/export?format=csv&county=$gt", admin), 400);
        isProblem(get("/api/v1/supervision/export?format=csv&county=ZEZHOU", admin), 400);
        get("/api/v1/supervision/export?format=xlsx&county=nowhere", admin).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("county");
        assertThat(STATION.lastSupervision.get()).isNull();
    }

    /**
     * A client still uploading when the answer is ready must get the answer, not a reset connection.
     * The upload pauses after the first megabyte and a bit, long enough for an eager server to have
     * answered and closed; the rest then goes to a server that is still reading.
     */
    @Test
    void oversizedAndUnauthenticatedUploadsGetTheirProblemNotAResetConnection() throws Exception {
        String admin = token("admin");
        for (String token : new String[] { admin, "not-a-token", null }) {
            String answer = slowUpload("/api/v1/brigades/zezhou-gaodu", token, 2 * 1024 * 1024);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff");
        }
        assertThat(slowUpload("/api/v1/brigades/zezhou-gaodu", null, 900 * 1024)).startsWith("HTTP/1.1 401")
                .contains("application/problem+json");
        assertThat(STATION.calls.get()).isZero();
    }

    private String slowUpload(String path, String token, int size) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "If-Match: \"7\"\r\nConnection: close\r\nContent-Length: " + size + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n").getBytes());
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            int sent = 0;
            while (sent < size) {
                int n = Math.min(chunk.length, size - sent);
                out.write(chunk, 0, n);
                sent += n;
                if (sent == 20 * chunk.length) {
                    out.flush();
                    Thread.sleep(500);
                }
            }
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * A path the firewall refuses gets a problem, and the kept-alive connection goes on serving.
     * Reactor Netty 1.3.6 sometimes stopped reading a connection after such an early answer
     * (reactor-netty#4188): the next request on it was never answered. Hundreds of pairs make that
     * race show; a hang fails on the socket timeout.
     */
    @Test
    void aRefusedPathIsAProblemAndTheConnectionKeepsServing() throws Exception {
        String admin = token("admin");
        int callsBefore = STATION.calls.get();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            java.io.InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 300; i++) {
                String refused = exchangeOnConnection(socket, in, "/api/v1/brigades/%2500/vehicles", admin);
                assertThat(refused).startsWith("HTTP/1.1 400").contains("application/problem+json")
                        .containsIgnoringCase("X-Content-Type-Options: nosniff").contains("not allowed");
                assertThat(exchangeOnConnection(socket, in, "/api/v1/brigades/zezhou-gaodu", admin))
                        .as("answer to the request after refusal %d", i).startsWith("HTTP/1.1 200");
            }
        }
        assertThat(STATION.calls.get() - callsBefore).isEqualTo(300);
    }

    /** Sends one GET on a kept-alive connection and reads its whole answer (headers and sized body). */
    private static String exchangeOnConnection(java.net.Socket socket, java.io.InputStream in, String path,
            String token) throws Exception {
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + token + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head + new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anImportTemplateIsNamedOnceInAsciiAndOnceInChinese() {
        String disposition = get("/api/v1/imports/vehicles/template?format=csv", token("clerk-zezhou")).expectStatus()
                .isOk().returnResult(Void.class).getResponseHeaders().getFirst("Content-Disposition");
        assertThat(disposition).isEqualTo("attachment; filename=\"vehicles-template.csv\"; filename*=UTF-8''"
                + org.springframework.web.util.UriUtils.encode("消防车辆导入模板.csv", java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        String admin = token("admin");
        isProblem(get("/api/v1/nowhere", admin), 404);
        isProblem(http.get().uri("/nowhere").exchange(), 404);
        isProblem(http.delete().uri("/api/v1/brigades/x").headers(h -> h.setBearerAuth(admin)).exchange(), 405);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentIsAContractClientsCanGenerateFrom() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.info.title").value(t -> assertThat((String) t).contains("fire brigades"))
                .jsonPath("$.info.version").isEqualTo("v1")
                .jsonPath("$.paths['/api/v1/brigades/{id}'].patch").exists()
                .jsonPath("$.paths['/api/v1/supervision'].get").exists()
                // the caller comes from the token, never from a parameter
                .jsonPath("$..parameters[?(@.name == 'caller')]").isEmpty()
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer").exists()
                .jsonPath("$.paths['/api/v1/auth/token'].post.security").isEmpty()
                .jsonPath("$.paths['/api/v1/brigades/{id}'].patch.responses['412'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/v1/brigades/{id}'].patch.responses['428']").exists()
                .jsonPath("$.paths['/api/v1/brigades'].get.responses['401'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Problem")
                .jsonPath("$.paths['/api/v1/brigades'].get.responses['429']").exists()
                .jsonPath("$.components.schemas.Problem.properties.detail").exists()
                .jsonPath("$.paths['/api/v1/supervision/export'].get").exists()
                // what a generated client needs: named operations, typed bodies and files, real statuses
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.paths['/api/v1/brigades/{id}'].patch.operationId").isEqualTo("patchBrigade")
                .jsonPath("$..operationId").value(ids -> assertThat((java.util.List<String>) ids)
                        .doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_\\d+")))
                .jsonPath("$.paths['/api/v1/brigades/{id}'].get.responses['200'].headers.ETag").exists()
                .jsonPath("$.paths['/api/v1/acceptance/{year}/report'].get.responses['200'].content['application/json']"
                        + ".schema['$ref']").isEqualTo("#/components/schemas/AcceptanceReport")
                .jsonPath("$.paths['/api/v1/acceptance/{year}/brigades/{id}/inspections'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/v1/imports/{kind}'].post.requestBody.content['text/csv']").exists()
                .jsonPath("$.paths['/api/v1/brigades/{brigadeId}/attachments'].post.requestBody.content"
                        + "['multipart/form-data'].schema['$ref']").isEqualTo("#/components/schemas/AttachmentForm")
                // framework types never leak into the contract
                .jsonPath("$.components.schemas.DataBuffer").doesNotExist()
                .jsonPath("$.components.schemas.JsonNode").doesNotExist()
                .jsonPath("$.components.schemas.PartEvent").doesNotExist();
    }

    // --- the circuit breaker ------------------------------------------------------------------

    /** Stops the stand-in, and ends only once calls succeed again: the tests after it need it up. */
    @Test
    void aStoppedServiceGives503QuicklyAndCallsSucceedAgainOnceItIsBack() throws Exception {
        String admin = token("admin");
        STATION.stop();
        for (int i = 0; i < 6; i++) {
            get("/api/v1/brigades/x", admin).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody().jsonPath("$.service").isEqualTo("station-service");
        }
        long start = System.nanoTime();
        get("/api/v1/brigades/x", admin).expectStatus().isEqualTo(503).expectBody(Void.class);
        // open breaker: answered without trying the service (a generous bound; the point is "not a deadline")
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));

        STATION.start();
        Instant giveUp = Instant.now().plusSeconds(15);
        int status = 0;
        while (Instant.now().isBefore(giveUp)) {
            // Void.class: the body is read and released (String.class would leave it unread, and leaked)
            status = get("/api/v1/brigades/x", admin).returnResult(Void.class).getStatus().value();
            if (status == 200) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(status).isEqualTo(200);
    }

    // --- helpers ------------------------------------------------------------------------------

    private static JWTClaimsSet claims(String issuer, String audience, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(List.of(audience)).subject("admin")
                .claim("role", "CITY_ADMIN").issueTime(Date.from(TestTime.NOW.minusSeconds(1200)))
                .expirationTime(Date.from(expires)).build();
    }

    private static String sign(JWTClaimsSet claims, ECKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    // --- the city's acceptance per county (issue 19) ------------------------------------------

    private WebTestClient.ResponseSpec put(String path, String token, String ifMatch, String json) {
        return http.put().uri(path).headers(h -> {
            h.setBearerAuth(token);
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    static final String ZEZHOU_ACCEPTANCE = "/api/v1/acceptance/2019/counties/zezhou";

    @Test
    void aCountysAcceptanceCarriesItsVersionAsETagAndWritesNeedIfMatch() {
        String inspector = token("inspector");
        get(ZEZHOU_ACCEPTANCE, inspector).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.county").isEqualTo("zezhou").jsonPath("$.outcome").isEqualTo("RETURNED_FOR_REWORK")
                .jsonPath("$.brigades.total").isEqualTo(6).jsonPath("$.brigades.accepted").isEqualTo(4)
                .jsonPath("$.assessmentGrade").isEqualTo("GOOD").jsonPath("$.assessmentScore").isEqualTo(88.0);
        get("/api/v1/acceptance/2019/counties", inspector).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].county").isEqualTo("zezhou");

        isProblem(put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, null, "{\"outcome\":\"ACCEPTED\",\"note\":\"x\"}"), 428);
        assertThat(STATION.lastOutcome.get()).isNull();
        put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, "\"3\"",
                "{\"outcome\":\"ACCEPTED\",\"note\":\"结合考核通过\",\"assessmentScore\":91.5,\"assessmentGrade\":\"EXCELLENT\"}")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"4\"")
                .expectBody().jsonPath("$.outcome").isEqualTo("ACCEPTED");
        assertThat(STATION.lastOutcome.get().getExpectedVersion()).isEqualTo(3);
        assertThat(STATION.lastOutcome.get().getAssessmentScore()).isEqualTo(91.5);
        assertThat(STATION.lastOutcome.get().hasAssessmentYear()).isFalse();

        String clerk = token("clerk-zezhou");
        put(ZEZHOU_ACCEPTANCE + "/summary", clerk, "\"0\"", "{\"summary\":\"六支队伍\",\"longTermMechanism\":\"季度检查\"}")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.summary").isEqualTo("六支队伍");
        assertThat(STATION.lastSummary.get().getExpectedVersion()).isZero();
    }

    @Test
    void aCountysAcceptanceRefusesWrongRolesBadInputAndStaleVersions() {
        STATION.reset();
        isProblem(put(ZEZHOU_ACCEPTANCE + "/outcome", token("clerk-zezhou"), "\"3\"", "{\"outcome\":\"ACCEPTED\"}"), 403);
        isProblem(put(ZEZHOU_ACCEPTANCE + "/summary", token("firedept"), "\"3\"", "{\"summary\":\"x\"}"), 403);
        isProblem(put(ZEZHOU_ACCEPTANCE + "/summary", token("inspector"), "\"3\"", "{\"summary\":\"x\"}"), 403);
        String inspector = token("inspector");
        put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, "\"3\"", "{\"outcome\":\"MAYBE\"}")
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("outcome");
        put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, "\"3\"", "{\"outcome\":\"ACCEPTED\",\"assessmentGrade\":\"SUPERB\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("assessmentGrade");
        put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, "\"3\"", "{\"outcome\":\"ACCEPTED\",\"colour\":\"red\"}")
                .expectStatus().isBadRequest().expectBody(Void.class);
        isProblem(put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, "\"x\"", "{\"outcome\":\"ACCEPTED\"}"), 400);
        assertThat(STATION.calls.get()).isZero();

        STATION.failure.set(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("1 field is invalid")
                .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("note").setDescription("accepting the county needs the reason")).build()))
                .build()));
        put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, "\"3\"", "{\"outcome\":\"ACCEPTED\"}")
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("note");

        STATION.failure.set(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.ABORTED_VALUE).setMessage("county acceptance '2019/zezhou' is at version 5, not 3")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason("STALE_VERSION")
                        .putMetadata("currentVersion", "5").build()))
                .build()));
        put(ZEZHOU_ACCEPTANCE + "/outcome", inspector, "\"3\"", "{\"outcome\":\"NOT_ACCEPTED\"}")
                .expectStatus().isEqualTo(412).expectBody().jsonPath("$.currentVersion").isEqualTo(5);

        STATION.failure.set(Status.NOT_FOUND.withDescription("no county 'nowhere'").asRuntimeException());
        isProblem(get("/api/v1/acceptance/2019/counties/nowhere", inspector), 404);
    }

    @Test
    void theReportCarriesTheCountySectionInJsonXlsxAndTheCountyCsv() throws Exception {
        String inspector = token("inspector");
        get("/api/v1/acceptance/2019/report", inspector).expectStatus().isOk().expectBody()
                .jsonPath("$.brigades[0].id").isEqualTo("zezhou-gaodu")
                .jsonPath("$.counties[0].id").isEqualTo("zezhou").jsonPath("$.counties[0].accepted").isEqualTo(1)
                .jsonPath("$.counties[0].cityOutcome").isEqualTo("RETURNED_FOR_REWORK")
                .jsonPath("$.counties[0].assessmentScore").isEqualTo(88.0)
                .jsonPath("$.counties[0].assessmentGrade").isEqualTo("GOOD");
        String csv = get("/api/v1/acceptance/2019/report?format=csv&section=counties", inspector).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("市级验收结果 (cityOutcome)").contains("zezhou,泽州县,6,4,1,0,1,0,RETURNED_FOR_REWORK");
        byte[] xlsx = get("/api/v1/acceptance/2019/report?format=xlsx", inspector).expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("县级验收 (county acceptance)");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("zezhou");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("RETURNED_FOR_REWORK");
            assertThat(sheet.getRow(1).getCell(12).getStringCellValue()).isEqualTo("GOOD");
        }
        isProblem(get("/api/v1/acceptance/2019/report?section=counties", inspector), 400);
    }
}
