package cn.jincheng.brigades.gateway.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.ClosedChannelException;

import org.junit.jupiter.api.Test;

import io.grpc.Status;

/** How failures of a call come out: an outage names the service; a service's own answer passes through. */
class BackendCallsTest {

    @Test
    void aConnectionThatClosesDuringTheCallIsAnOutageNotAServerError() {
        Throwable lost = BackendCalls.translate(Backend.STATION,
                Status.UNKNOWN.withDescription("channel closed").withCause(new ClosedChannelException()).asRuntimeException());
        assertThat(lost).isInstanceOfSatisfying(BackendFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(BackendFailure.Kind.UNAVAILABLE);
            assertThat(f.backend()).isEqualTo(Backend.STATION);
        });
        Throwable bug = BackendCalls.translate(Backend.STATION, Status.UNKNOWN.withDescription("NPE").asRuntimeException());
        assertThat(bug).isNotInstanceOf(BackendFailure.class);
        Throwable refused = BackendCalls.translate(Backend.STATION, Status.NOT_FOUND.asRuntimeException());
        assertThat(refused).isNotInstanceOf(BackendFailure.class);
    }
}
