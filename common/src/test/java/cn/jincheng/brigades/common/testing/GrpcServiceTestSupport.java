package cn.jincheng.brigades.common.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.jincheng.brigades.standin.StandInServer;

/**
 * A service under test, as the gateway meets it: Spring starts it on a free gRPC port over a
 * stand-in server of its own in a fresh data directory, and the tests reach it over a real channel
 * with gateway-signed identities ({@link #client}). The keys it needs are made in the data
 * directory on first use. Each service's gRPC test classes extend this (one module, one JVM).
 */
public abstract class GrpcServiceTestSupport {

    protected static final Path DATA_DIR = LocalResources.tempDir("service-test");
    protected static final StandInServer MONGO = StandInServer.start(DATA_DIR, "127.0.0.1", 0);
    protected static final int PORT = LocalResources.freePort();
    /** The key the gateway signs callers' identities with. */
    protected static final Path KEY = DATA_DIR.resolve("keys/internal-identity.jwk");
    /** The key station-service signs its directory changes with. */
    protected static final Path STATION_KEY = DATA_DIR.resolve("keys/station-identity.jwk");

    protected static ServiceClient client;

    @DynamicPropertySource
    static void serviceUnderTest(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.server.port", () -> PORT);
        registry.add("brigades.operations.port", () -> 0);
        registry.add("spring.mongodb.uri", MONGO::connectionString);
        registry.add("brigades.identity.key-file", KEY::toString);
        registry.add("brigades.station-identity.key-file", STATION_KEY::toString);
        registry.add("brigades.audit.key-file", () -> DATA_DIR.resolve("keys/audit-hmac.key").toString());
    }

    @BeforeAll
    protected static void connect() {
        client = new ServiceClient(PORT, KEY);
    }

    @AfterAll
    protected static void disconnect() throws InterruptedException {
        client.close();
    }
}
