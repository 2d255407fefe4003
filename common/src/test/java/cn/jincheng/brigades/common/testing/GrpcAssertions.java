package cn.jincheng.brigades.common.testing;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;

import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** What tests ask of a refused gRPC call: the status, and the fields its BadRequest names. */
public final class GrpcAssertions {

    private GrpcAssertions() {
    }

    public static StatusRuntimeException failure(Runnable call) {
        return catchThrowableOfType(StatusRuntimeException.class, call::run);
    }

    public static List<String> fields(StatusRuntimeException e) {
        return StatusProto.fromThrowable(e).getDetailsList().stream().filter(a -> a.is(BadRequest.class)).flatMap(a -> {
            try {
                return a.unpack(BadRequest.class).getFieldViolationsList().stream().map(v -> v.getField());
            } catch (InvalidProtocolBufferException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }
}
