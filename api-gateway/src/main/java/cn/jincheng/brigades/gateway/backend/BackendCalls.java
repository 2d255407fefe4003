package cn.jincheng.brigades.gateway.backend;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;

import cn.jincheng.brigades.common.grpc.GrpcErrors;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Runs one gRPC call as a Mono, guarded by the policy of {@code ResilienceConfiguration}: a fresh
 * deadline per attempt, the service's circuit breaker, and for reads one retry. Outages come out
 * as {@link BackendFailure} naming the service; the service's own answers (NOT_FOUND,
 * INVALID_ARGUMENT, ...) pass through as they are. Nothing here blocks: the Mono completes on
 * gRPC's callback.
 */
@Component
public class BackendCalls {

    private final Map<Backend, CircuitBreaker> breakers;
    private final Retry readRetry;
    private final Duration deadline;
    private final Duration importDeadline;

    public BackendCalls(Map<Backend, CircuitBreaker> breakers, Retry readRetry, BackendProperties properties) {
        this.breakers = breakers;
        this.readRetry = readRetry;
        this.deadline = properties.resilience().deadline();
        this.importDeadline = properties.resilience().importDeadline() == null ? Duration.ofMinutes(2)
                : properties.resilience().importDeadline();
    }

    public Duration deadline() {
        return deadline;
    }

    /** An import validates and stores up to tens of thousands of rows in one call. */
    public Duration importDeadline() {
        return importDeadline;
    }

    /** An idempotent read: may be sent twice if the first attempt found the service unavailable. */
    public <T> Mono<T> read(Backend backend, Supplier<ListenableFuture<T>> call) {
        return guarded(backend, call).transformDeferred(RetryOperator.of(readRetry))
                .onErrorMap(e -> translate(backend, e));
    }

    /** A write: sent once. */
    public <T> Mono<T> write(Backend backend, Supplier<ListenableFuture<T>> call) {
        return Mono.deferContextual(context -> fromFuture(inRequestTrace(context,
                        () -> IdempotencyForwarding.inWrite(context, call))))
                .transformDeferred(CircuitBreakerOperator.of(breakers.get(backend)))
                .onErrorMap(e -> translate(backend, e));
    }

    /**
     * A server stream as a Flux, with gRPC flow control following the subscriber's demand (a slow
     * download slows the service instead of filling the gateway's memory), under the breaker.
     */
    public <Q, T> Flux<T> stream(Backend backend, java.util.function.Consumer<StreamObserver<T>> call) {
        Flux<T> flux = Flux.create(sink -> {
            java.util.concurrent.atomic.AtomicReference<ClientCallStreamObserver<Q>> started =
                    new java.util.concurrent.atomic.AtomicReference<>();
            inRequestTrace(sink.contextView(), () -> {
                call.accept(new ClientResponseObserver<Q, T>() {
                @Override
                public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
                    requestStream.disableAutoRequestWithInitial(0);
                    started.set(requestStream);
                }

                @Override
                public void onNext(T value) {
                    sink.next(value);
                }

                @Override
                public void onError(Throwable t) {
                    sink.error(t);
                }

                @Override
                public void onCompleted() {
                    sink.complete();
                }
                });
                return null;
            });
            // demand may only be passed on once the call has started, which it has when accept returns
            ClientCallStreamObserver<Q> requestStream = started.get();
            sink.onRequest(n -> requestStream.request((int) Math.min(n, Integer.MAX_VALUE)));
            sink.onCancel(() -> requestStream.cancel("the client went away", null));
        });
        return flux.transformDeferred(CircuitBreakerOperator.of(breakers.get(backend)))
                .onErrorMap(e -> translate(backend, e));
    }

    /**
     * A client stream, as an import sends its rows: the chunks go out, then the end; the one answer
     * completes the Mono. Sent once, under the breaker; the caller sets the (longer) deadline.
     */
    public <Q, T> Mono<T> upload(Backend backend, java.util.function.Function<StreamObserver<T>, StreamObserver<Q>> call,
            java.util.List<Q> chunks) {
        Mono<T> upload = Mono.deferContextual(context -> Mono.<T>create(sink -> {
            StreamObserver<Q> requests = inRequestTrace(context, () -> IdempotencyForwarding.inWrite(context,
                    () -> call.apply(new StreamObserver<T>() {
                private T answer;

                @Override
                public void onNext(T value) {
                    answer = value;
                }

                @Override
                public void onError(Throwable t) {
                    sink.error(t);
                }

                @Override
                public void onCompleted() {
                    sink.success(answer);
                }
            })));
            chunks.forEach(requests::onNext);
            requests.onCompleted();
        }));
        return upload.transformDeferred(CircuitBreakerOperator.of(breakers.get(backend)))
                .onErrorMap(e -> translate(backend, e));
    }

    private <T> Mono<T> guarded(Backend backend, Supplier<ListenableFuture<T>> call) {
        return Mono.deferContextual(context -> fromFuture(inRequestTrace(context, call)))
                .transformDeferred(CircuitBreakerOperator.of(breakers.get(backend)));
    }

    /**
     * Makes the request's observation current while the gRPC call is created, so that the call's
     * own observation continues the request's trace and sends it on to the service. Done here, once
     * per call, rather than by Reactor's automatic context propagation, which restores thread
     * locals at every operator of every request and cost a third of the gateway's throughput.
     */
    static <T> T inRequestTrace(ContextView context, Supplier<T> call) {
        Object current = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (!(current instanceof Observation observation)) {
            return call.get();
        }
        try (Observation.Scope scope = observation.openScope()) {
            return call.get();
        }
    }

    /**
     * The service died during the call (grpc-java reports a closed connection as UNKNOWN "channel
     * closed"): the service is unavailable, not broken, and whether a write happened is unknown, as
     * with any 503.
     */
    static boolean connectionLost(Status status) {
        return status.getCode() == Status.Code.UNKNOWN
                && status.getCause() instanceof java.nio.channels.ClosedChannelException;
    }

    static <T> Mono<T> fromFuture(ListenableFuture<T> future) {
        return Mono.create(sink -> {
            Futures.addCallback(future, new FutureCallback<T>() {
                @Override
                public void onSuccess(T result) {
                    sink.success(result);
                }

                @Override
                public void onFailure(Throwable t) {
                    sink.error(t instanceof CancellationException ? Status.CANCELLED.asRuntimeException() : t);
                }
            }, MoreExecutors.directExecutor());
            sink.onCancel(() -> future.cancel(true));
        });
    }

    /** An outage as the REST layer names it; anything else passes through unchanged. */
    static Throwable translate(Backend backend, Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return new BackendFailure(backend, BackendFailure.Kind.UNAVAILABLE, e);
        }
        if (e instanceof StatusRuntimeException s) {
            var dependency = GrpcErrors.errorInfo(s)
                    .filter(i -> GrpcErrors.DEPENDENCY_UNAVAILABLE.equals(i.getReason()));
            if (dependency.isPresent()) {
                // the service answered, but one behind it did not: name that one
                String name = dependency.get().getMetadataOrDefault(GrpcErrors.SERVICE, backend.serviceName());
                boolean timeout = Boolean.parseBoolean(dependency.get().getMetadataOrDefault("timeout", "false"));
                return new BackendFailure(Backend.byServiceName(name).orElse(backend),
                        timeout ? BackendFailure.Kind.TIMEOUT : BackendFailure.Kind.UNAVAILABLE, e);
            }
            Status.Code code = s.getStatus().getCode();
            if (code == Status.Code.DEADLINE_EXCEEDED) {
                return new BackendFailure(backend, BackendFailure.Kind.TIMEOUT, e);
            }
            if (code == Status.Code.UNAVAILABLE || connectionLost(s.getStatus())) {
                return new BackendFailure(backend, BackendFailure.Kind.UNAVAILABLE, e);
            }
        }
        return e;
    }
}
