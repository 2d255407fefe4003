package cn.jincheng.brigades.gateway.backend;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.google.protobuf.ByteString;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.attachments.v1.Attachment;
import cn.jincheng.brigades.proto.attachments.v1.AttachmentServiceGrpc;
import cn.jincheng.brigades.proto.attachments.v1.CountAttachmentsRequest;
import cn.jincheng.brigades.proto.attachments.v1.CountAttachmentsResponse;
import cn.jincheng.brigades.proto.attachments.v1.DeleteAttachmentRequest;
import cn.jincheng.brigades.proto.attachments.v1.DownloadChunk;
import cn.jincheng.brigades.proto.attachments.v1.DownloadRequest;
import cn.jincheng.brigades.proto.attachments.v1.ListAttachmentsRequest;
import cn.jincheng.brigades.proto.attachments.v1.ListAttachmentsResponse;
import cn.jincheng.brigades.proto.attachments.v1.UploadChunk;
import cn.jincheng.brigades.proto.attachments.v1.UploadHeader;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;

/**
 * attachments.v1 of station- and equipment-service (each keeps the evidence of its own records).
 * Uploads are sent chunk by chunk as the request body arrives, with gRPC's flow control: the next
 * chunk is read from the client only when the service can take it, so the gateway holds at most a
 * chunk or two of any file.
 */
@Component
public class AttachmentClient {

    /** The largest data message sent to a service. */
    public static final int CHUNK_BYTES = 64 * 1024;

    private final Map<Backend, AttachmentServiceGrpc.AttachmentServiceStub> streams;
    private final Map<Backend, AttachmentServiceGrpc.AttachmentServiceFutureStub> stubs;
    private final BackendCalls calls;
    private final IdentityTokens identity;

    public AttachmentClient(BackendChannels channels, BackendCalls calls, IdentityTokens identity) {
        this.streams = Map.of(Backend.STATION, AttachmentServiceGrpc.newStub(channels.channel(Backend.STATION)),
                Backend.EQUIPMENT, AttachmentServiceGrpc.newStub(channels.channel(Backend.EQUIPMENT)));
        this.stubs = Map.of(Backend.STATION, channels.unaryStub(Backend.STATION, AttachmentServiceGrpc::newFutureStub),
                Backend.EQUIPMENT, channels.unaryStub(Backend.EQUIPMENT, AttachmentServiceGrpc::newFutureStub));
        this.calls = calls;
        this.identity = identity;
    }

    private AttachmentServiceGrpc.AttachmentServiceFutureStub as(Backend backend, Caller caller) {
        return stubs.get(backend).withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens an upload to the service; the header goes first. A slow phone on a poor link gets five import deadlines. */
    public Upload upload(Backend backend, Caller caller, UploadHeader header) {
        Upload upload = new Upload(backend);
        streams.get(backend).withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.importDeadline().toMillis() * 5, TimeUnit.MILLISECONDS).upload(upload);
        upload.send(UploadChunk.newBuilder().setHeader(header).build()).subscribe();
        return upload;
    }

    public Mono<ListAttachmentsResponse> list(Backend backend, Caller caller, ListAttachmentsRequest request) {
        return calls.read(backend, () -> as(backend, caller).listAttachments(request));
    }

    public Mono<Attachment> delete(Backend backend, Caller caller, String id) {
        return calls.write(backend, () -> as(backend, caller).deleteAttachment(
                DeleteAttachmentRequest.newBuilder().setId(id).build()));
    }

    public Mono<CountAttachmentsResponse> count(Backend backend, Caller caller, String countyId) {
        return calls.read(backend, () -> as(backend, caller).countAttachments(
                CountAttachmentsRequest.newBuilder().setCountyId(countyId == null ? "" : countyId).build()));
    }

    /** The file: its attachment first, then its bytes, as the HTTP client reads them. */
    public Flux<DownloadChunk> download(Backend backend, Caller caller, String id, boolean thumbnail) {
        return calls.stream(backend, observer -> streams.get(backend).withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.importDeadline().toMillis() * 5, TimeUnit.MILLISECONDS)
                .download(DownloadRequest.newBuilder().setId(id).setThumbnail(thumbnail).build(), observer));
    }

    /**
     * One upload call. {@link #send} completes when the service can take more (so the caller reads
     * the next part of the body only then); once the service has refused, sending completes at
     * once and drops the bytes, so that the rest of the body is read and the client gets the
     * answer rather than a reset connection.
     */
    public final class Upload implements ClientResponseObserver<UploadChunk, Attachment> {

        private final Backend backend;
        private final Sinks.One<Attachment> result = Sinks.one();
        private ClientCallStreamObserver<UploadChunk> requests;
        private MonoSink<Void> waiting;
        private Attachment answer;
        private boolean over;

        Upload(Backend backend) {
            this.backend = backend;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<UploadChunk> requestStream) {
            this.requests = requestStream;
            requestStream.setOnReadyHandler(this::ready);
        }

        public Mono<Void> data(byte[] bytes, int offset, int length) {
            return send(UploadChunk.newBuilder().setData(ByteString.copyFrom(bytes, offset, length)).build());
        }

        Mono<Void> send(UploadChunk chunk) {
            return Mono.create(sink -> {
                synchronized (this) {
                    if (over) {
                        sink.success();
                        return;
                    }
                    requests.onNext(chunk);
                    if (requests.isReady()) {
                        sink.success();
                    } else {
                        waiting = sink;
                    }
                }
            });
        }

        /** The body is complete: the service's answer. */
        public Mono<Attachment> finish() {
            synchronized (this) {
                if (!over) {
                    over = true;
                    requests.onCompleted();
                }
            }
            return result.asMono().onErrorMap(e -> BackendCalls.translate(backend, e));
        }

        /** The HTTP client went away or the gateway refused the body: the service drops what it has. */
        public synchronized void cancel(String why) {
            if (!over) {
                over = true;
                requests.cancel(why, null);
            }
            wake();
        }

        private synchronized void ready() {
            if (waiting != null && requests.isReady()) {
                wake();
            }
        }

        private void wake() {
            MonoSink<Void> w = waiting;
            waiting = null;
            if (w != null) {
                w.success();
            }
        }

        @Override
        public void onNext(Attachment value) {
            answer = value;
        }

        @Override
        public synchronized void onError(Throwable t) {
            over = true;
            result.tryEmitError(t);
            wake();
        }

        @Override
        public synchronized void onCompleted() {
            over = true;
            result.tryEmitValue(answer);
            wake();
        }
    }
}
