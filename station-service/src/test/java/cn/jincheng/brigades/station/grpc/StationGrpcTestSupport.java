package cn.jincheng.brigades.station.grpc;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.common.testing.ServiceClient;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import cn.jincheng.brigades.standin.StandInServer;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Starts station-service on a free port with its embedded store in a fresh data directory, and
 * talks to it over a real gRPC channel with gateway-signed identities, as the gateway does.
 */
abstract class StationGrpcTestSupport {

    static final Path DATA_DIR = LocalResources.tempDir("station-test");
    static final StandInServer MONGO = StandInServer.start(DATA_DIR, "127.0.0.1", 0);
    static final int PORT = LocalResources.freePort();
    static final int EQUIPMENT_PORT = LocalResources.freePort();
    static final Caller ADMIN = new Caller("admin", Role.CITY_ADMIN, null);
    static final Caller INSPECTOR = new Caller("inspector", Role.CITY_INSPECTOR, null);
    static final Caller FIRE_DEPT = new Caller("firedept", Role.FIRE_DEPT, null);
    static final Caller ZEZHOU_CLERK = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
    static final Caller GAOPING_CLERK = new Caller("clerk-gaoping", Role.COUNTY_CLERK, "gaoping");

    static ServiceClient client;
    static ManagedChannel channel;
    static InternalTokenIssuer issuer;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.grpc.server.port", () -> PORT);
        registry.add("spring.mongodb.uri", MONGO::connectionString);
        registry.add("brigades.identity.key-file", () -> DATA_DIR.resolve("keys/internal-identity.jwk").toString());
        registry.add("brigades.station-identity.key-file", () -> DATA_DIR.resolve("keys/station-identity.jwk").toString());
        registry.add("brigades.audit.key-file", () -> DATA_DIR.resolve("keys/audit-hmac.key").toString());
        // nothing listens there: compliance of an active brigade finds equipment-service down
        registry.add("brigades.dependencies.equipment.address", () -> "127.0.0.1:" + EQUIPMENT_PORT);
        registry.add("brigades.dependencies.staffing.address", () -> "127.0.0.1:" + EQUIPMENT_PORT);
        registry.add("brigades.dependencies.deadline", () -> "1s");
    }

    @BeforeAll
    static void connect() {
        client = new ServiceClient(PORT, DATA_DIR.resolve("keys/internal-identity.jwk"));
        channel = client.channel();
        issuer = client.issuer();
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        client.close();
    }

    static StationServiceGrpc.StationServiceBlockingStub as(Caller caller) {
        return client.as(StationServiceGrpc.newBlockingStub(channel), caller);
    }

    static StationServiceGrpc.StationServiceBlockingStub anonymous() {
        return StationServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static BadRequest badRequest(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream().filter(a -> a.is(BadRequest.class))
                .map(a -> unpack(a, BadRequest.class)).findFirst().orElseThrow();
    }

    static ErrorInfo errorInfo(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream().filter(a -> a.is(ErrorInfo.class))
                .map(a -> unpack(a, ErrorInfo.class)).findFirst().orElseThrow();
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.protobuf.Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
