package cn.jincheng.brigades.station.grpc;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.GrpcServiceTestSupport;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * station-service under test ({@link GrpcServiceTestSupport}), with equipment-service and
 * staffing-service pointed at a port where nothing listens.
 */
abstract class StationGrpcTestSupport extends GrpcServiceTestSupport {

    static final int EQUIPMENT_PORT = LocalResources.freePort();
    static final Caller ADMIN = new Caller("admin", Role.CITY_ADMIN, null);
    static final Caller INSPECTOR = new Caller("inspector", Role.CITY_INSPECTOR, null);
    static final Caller FIRE_DEPT = new Caller("firedept", Role.FIRE_DEPT, null);
    static final Caller ZEZHOU_CLERK = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
    static final Caller GAOPING_CLERK = new Caller("clerk-gaoping", Role.COUNTY_CLERK, "gaoping");

    static ManagedChannel channel;
    static InternalTokenIssuer issuer;

    @DynamicPropertySource
    static void dependenciesDown(DynamicPropertyRegistry registry) {
        // nothing listens there: compliance of an active brigade finds equipment-service down
        registry.add("brigades.dependencies.equipment.address", () -> "127.0.0.1:" + EQUIPMENT_PORT);
        registry.add("brigades.dependencies.staffing.address", () -> "127.0.0.1:" + EQUIPMENT_PORT);
        registry.add("brigades.dependencies.deadline", () -> "1s");
    }

    @BeforeAll
    static void channelAndIssuer() {
        channel = client.channel();
        issuer = client.issuer();
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
