package cn.jincheng.brigades.common.grpc.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.jincheng.brigades.common.domain.errors.DependencyUnavailableException;
import cn.jincheng.brigades.common.grpc.GrpcErrors;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.grpc.CallCredentials;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.AbstractStub;

/**
 * How a service calls another: one shared channel, the caller's identity relayed, a deadline on
 * every attempt, a circuit breaker that counts only outages, and one retry for idempotent reads.
 * An outage comes out as {@link DependencyUnavailableException} naming the service; the other
 * service's own answers (NOT_FOUND, PERMISSION_DENIED, ...) pass through unchanged.
 *
 * @param <S> the blocking stub type
 */
public final class DependencyClient<S extends AbstractStub<S>> implements AutoCloseable {

    private static final Set<Status.Code> OUTAGES = Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.INTERNAL, Status.Code.UNKNOWN);

    private final String service;
    private final ManagedChannel channel;
    private final S stub;
    private final Deadlines deadlines;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Supplier<CallCredentials> credentials;

    /**
     * How long a call may take: a unary call, and a server stream as a whole (a batch of brigades'
     * answers, which legitimately takes longer). Either is cut shorter by the incoming call's own
     * deadline, which gRPC carries over.
     */
    public record Deadlines(Duration call, Duration stream) {

        public static Deadlines of(Duration both) {
            return new Deadlines(both, both);
        }
    }

    /** Calls on behalf of the current caller, whose identity is relayed. */
    public DependencyClient(String service, String target, Function<ManagedChannel, S> stubFactory, Deadlines deadlines,
            ClientTelemetry telemetry) {
        this(service, target, stubFactory, deadlines, telemetry, CallerContext::relay);
    }

    /** Calls with the given identity (a service calling as itself, not for a user). */
    public DependencyClient(String service, String target, Function<ManagedChannel, S> stubFactory, Deadlines deadlines,
            ClientTelemetry telemetry, Supplier<CallCredentials> credentials) {
        this.service = service;
        this.credentials = credentials;
        this.channel = NettyChannelBuilder.forTarget(target).usePlaintext().defaultLoadBalancingPolicy("round_robin")
                .maxInboundMessageSize(16 * 1024 * 1024).intercept(telemetry.interceptor()).build();
        this.stub = stubFactory.apply(channel);
        this.deadlines = deadlines;
        this.breaker = telemetry.breaker(service, CircuitBreakerConfig.custom()
                .slidingWindowSize(50).minimumNumberOfCalls(10).failureRateThreshold(50)
                // a short open time: three trial calls a second cost a dead dependency nothing, and a
                // restarted one is used again within a second
                .waitDurationInOpenState(Duration.ofSeconds(1)).permittedNumberOfCallsInHalfOpenState(3)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(DependencyClient::isOutage).build());
        this.retry = Retry.of(service + "-read", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(100))
                .retryOnException(e -> e instanceof StatusRuntimeException s
                        && s.getStatus().getCode() == Status.Code.UNAVAILABLE)
                .build());
    }

    /** An idempotent read on the current caller's behalf: may be sent twice. */
    public <T> T read(Function<S, T> call) {
        return guarded(() -> Retry.decorateSupplier(retry, () -> breaker.executeSupplier(() -> call.apply(stub()))).get());
    }

    /**
     * A server-streaming read, each message handed on as it arrives. Not retried: part of the
     * stream may already have been consumed.
     */
    public <T> void stream(Function<S, java.util.Iterator<T>> call, java.util.function.Consumer<T> each) {
        guarded(() -> {
            breaker.executeRunnable(() -> call.apply(stub(deadlines.stream())).forEachRemaining(each));
            return null;
        });
    }

    /** The stub with the identity and a fresh deadline, for calls that need more than {@link #read}. */
    public S stub() {
        return stub(deadlines.call());
    }

    private S stub(Duration deadline) {
        // gRPC backs off longer and longer between reconnection attempts (up to two minutes); a
        // dependency that is back should be used at once, so a failing channel retries now.
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        return stub.withCallCredentials(credentials.get())
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String service() {
        return service;
    }

    private <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CallNotPermittedException e) {
            throw new DependencyUnavailableException(service, false);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                throw new DependencyUnavailableException(service, true);
            }
            if (isOutage(e)) {
                throw new DependencyUnavailableException(service, false);
            }
            throw e;
        }
    }

    /** Outages count against the breaker; a dependency's own missing dependency does not. */
    static boolean isOutage(Throwable e) {
        return e instanceof StatusRuntimeException s && OUTAGES.contains(s.getStatus().getCode())
                && GrpcErrors.errorInfo(s).map(i -> !GrpcErrors.DEPENDENCY_UNAVAILABLE.equals(i.getReason()))
                        .orElse(true);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdown();
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
            channel.shutdownNow();
        }
    }
}
