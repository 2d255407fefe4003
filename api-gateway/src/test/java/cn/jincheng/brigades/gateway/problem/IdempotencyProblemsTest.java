package cn.jincheng.brigades.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;

import cn.jincheng.brigades.common.grpc.GrpcErrors;
import cn.jincheng.brigades.common.grpc.idempotency.IdempotencyHeaders;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

/** The services' idempotency refusals as the REST contract states them. */
class IdempotencyProblemsTest {

    private static Problem refusal(Status.Code code, String reason) {
        return ProblemMapper.map(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.value()).setMessage("because")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(GrpcErrors.DOMAIN).build()))
                .build()));
    }

    @Test
    void aKeyReusedForAnotherRequestIs422AndOneStillRunningOrWithItsAnswerLostIs409() {
        assertThat(refusal(Status.Code.INVALID_ARGUMENT, IdempotencyHeaders.KEY_REUSED).status()).isEqualTo(422);
        assertThat(refusal(Status.Code.FAILED_PRECONDITION, IdempotencyHeaders.KEY_IN_USE).status()).isEqualTo(409);
        assertThat(refusal(Status.Code.FAILED_PRECONDITION, IdempotencyHeaders.ANSWER_LOST).status()).isEqualTo(409);
        // other invalid arguments stay 400
        assertThat(refusal(Status.Code.INVALID_ARGUMENT, "SOMETHING_ELSE").status()).isEqualTo(400);
    }
}
