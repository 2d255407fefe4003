package cn.jincheng.brigades.common.grpc.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;

import cn.jincheng.brigades.common.domain.errors.UnauthenticatedException;
import cn.jincheng.brigades.common.domain.idempotency.IdempotencyRecords;
import cn.jincheng.brigades.common.domain.idempotency.IdempotencyRecords.Claim;
import cn.jincheng.brigades.common.grpc.GrpcErrors;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

/**
 * Makes a call carrying an Idempotency-Key ({@link IdempotencyHeaders}) run at most once per
 * (caller, key), whichever gateway replica sends it: the key is claimed in the service's store
 * before the handler runs, the answer is stored before it goes out, and a retry gets the stored
 * answer (marked {@code idempotent-replayed}), which the gateway turns into the same REST answer
 * (status, body, ETag, Location) as the first time. The same key for another request is refused
 * (INVALID_ARGUMENT, reason {@value IdempotencyHeaders#KEY_REUSED}), and while the first request
 * runs, a duplicate is refused (FAILED_PRECONDITION, {@value IdempotencyHeaders#KEY_IN_USE}).
 * A failed request stores nothing and releases its key. While the handler runs, the key is the
 * current {@link cn.jincheng.brigades.common.domain.idempotency.IdempotencyMark}, which the store
 * writes into the changed document with the change. Calls with one answer only (unary, client
 * streams); runs inside the caller interceptor, whose verified caller owns the key.
 */
public final class IdempotencyInterceptor implements ServerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);
    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{64}$");

    private final IdempotencyRecords records;

    public IdempotencyInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String key = headers.get(IdempotencyHeaders.KEY);
        MethodType type = call.getMethodDescriptor().getType();
        if (key == null || !(type == MethodType.UNARY || type == MethodType.CLIENT_STREAMING)) {
            return next.startCall(call, headers);
        }
        String hash = headers.get(IdempotencyHeaders.REQUEST_HASH);
        if (!IdempotencyHeaders.KEY_FORMAT.matcher(key).matches() || hash == null || !HASH.matcher(hash).matches()) {
            return refuse(call, Status.Code.INVALID_ARGUMENT, "Idempotency-Key: 1 to 200 letters, digits or ._:-",
                    IdempotencyHeaders.KEY_MALFORMED);
        }
        String caller;
        try {
            caller = CallerContext.current().subject();
        } catch (UnauthenticatedException e) {
            return next.startCall(call, headers); // the open services (health, reflection) own no keys
        }
        Claim claim = records.claim(caller, key, call.getMethodDescriptor().getFullMethodName() + " " + hash);
        if (claim instanceof Claim.Proceed proceed) {
            return proceed(call, headers, next, proceed);
        } else if (claim instanceof Claim.Replay replay) {
            return replay(call, replay.answer());
        } else if (claim instanceof Claim.Mismatch) {
            return refuse(call, Status.Code.INVALID_ARGUMENT,
                    "this Idempotency-Key was used for a different request; use a new key", IdempotencyHeaders.KEY_REUSED);
        } else if (claim instanceof Claim.AppliedAnswerLost) {
            return refuse(call, Status.Code.FAILED_PRECONDITION,
                    "the request with this Idempotency-Key was applied, but the service stopped before keeping its "
                            + "answer; read the resource to see the result", IdempotencyHeaders.ANSWER_LOST);
        }
        return refuse(call, Status.Code.FAILED_PRECONDITION,
                "a request with this Idempotency-Key is still being processed; retry shortly",
                IdempotencyHeaders.KEY_IN_USE);
    }

    private <Q, R> ServerCall.Listener<Q> proceed(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next,
            Claim.Proceed claim) {
        Recording<Q, R> recording = new Recording<>(call, claim);
        ServerCall.Listener<Q> listener = next.startCall(recording, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                run(() -> super.onMessage(message));
            }

            @Override
            public void onHalfClose() {
                run(super::onHalfClose);
            }

            @Override
            public void onCancel() {
                try {
                    super.onCancel();
                } finally {
                    recording.unanswered();
                }
            }

            /** With the key current for the store; an exception the handler throws leaves the key free. */
            private void run(Runnable handler) {
                try {
                    claim.mark().during(handler);
                } catch (RuntimeException e) {
                    recording.unanswered();
                    throw e;
                }
            }
        };
    }

    /** Passes the call on, keeping its one answer, which is stored (or the claim released) before the call closes. */
    private final class Recording<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {

        private final Claim.Proceed claim;
        private byte[] answer;
        private boolean settled;

        Recording(ServerCall<Q, R> call, Claim.Proceed claim) {
            super(call);
            this.claim = claim;
        }

        @Override
        public void sendMessage(R message) {
            answer = bytes(getMethodDescriptor().streamResponse(message));
            super.sendMessage(message);
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (!settled) {
                settled = true;
                try {
                    if (status.isOk() && answer != null) {
                        records.complete(claim, answer);
                    } else {
                        records.release(claim);
                    }
                } catch (RuntimeException e) {
                    // the change (if any) is made and carries its mark: a retry after the lease learns that
                    log.warn("could not settle Idempotency-Key {} of {}: {}", claim.key(), claim.caller(), e.toString());
                }
            }
            super.close(status, trailers);
        }

        void unanswered() {
            if (!settled) {
                settled = true;
                try {
                    records.release(claim);
                } catch (RuntimeException e) {
                    log.warn("could not release Idempotency-Key {} of {}: {}", claim.key(), claim.caller(), e.toString());
                }
            }
        }
    }

    private static <Q, R> ServerCall.Listener<Q> replay(ServerCall<Q, R> call, byte[] answer) {
        R message = call.getMethodDescriptor().parseResponse(new ByteArrayInputStream(answer));
        Metadata headers = new Metadata();
        headers.put(IdempotencyHeaders.REPLAYED, "true");
        call.sendHeaders(headers);
        call.sendMessage(message);
        call.close(Status.OK, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private static <Q> ServerCall.Listener<Q> refuse(ServerCall<Q, ?> call, Status.Code code, String message,
            String reason) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain(GrpcErrors.DOMAIN).build()))
                .build();
        var e = StatusProto.toStatusRuntimeException(status);
        call.close(e.getStatus(), e.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }

    private static byte[] bytes(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
