package cn.jincheng.brigades.staffing;

import cn.jincheng.brigades.common.testing.LocalResources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyChannelBuilder;

/** The service starts on its embedded store, answers health, and refuses calls without identity. */
@SpringBootTest
class StaffingServiceStartsTest {

    static final int PORT = LocalResources.freePort();
    static final Path DATA_DIR = LocalResources.tempDir("staffing-test");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.server.port", () -> PORT);
        registry.add("brigades.mongo.data-dir", DATA_DIR::toString);
        registry.add("brigades.identity.key-file", () -> DATA_DIR.resolve("keys/internal-identity.jwk").toString());
    }

    @Autowired
    MongoDatabase database;

    @Test
    void servesHealthAndKeepsItsDataInItsOwnDatabase() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", PORT).usePlaintext().build();
        try {
            HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
            assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
            database.getCollection("probe").insertOne(new Document("_id", "x"));
            assertThat(database.getName()).isEqualTo("staffing");
            assertThat(database.getCollection("probe").countDocuments()).isEqualTo(1);
            assertThat(Files.exists(DATA_DIR.resolve("staffing.mv.db"))).isTrue();
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
