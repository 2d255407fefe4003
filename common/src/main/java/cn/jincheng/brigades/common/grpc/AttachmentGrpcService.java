package cn.jincheng.brigades.common.grpc;

import java.io.IOException;
import java.io.InputStream;

import com.google.protobuf.ByteString;

import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.evidence.EvidenceService;
import cn.jincheng.brigades.common.domain.evidence.IncomingFile;
import cn.jincheng.brigades.common.domain.evidence.RecordKind;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.proto.attachments.v1.Attachment;
import cn.jincheng.brigades.proto.attachments.v1.AttachmentServiceGrpc;
import cn.jincheng.brigades.proto.attachments.v1.CountAttachmentsRequest;
import cn.jincheng.brigades.proto.attachments.v1.CountAttachmentsResponse;
import cn.jincheng.brigades.proto.attachments.v1.DeleteAttachmentRequest;
import cn.jincheng.brigades.proto.attachments.v1.DownloadChunk;
import cn.jincheng.brigades.proto.attachments.v1.DownloadRequest;
import cn.jincheng.brigades.proto.attachments.v1.Gps;
import cn.jincheng.brigades.proto.attachments.v1.ListAttachmentsRequest;
import cn.jincheng.brigades.proto.attachments.v1.ListAttachmentsResponse;
import cn.jincheng.brigades.proto.attachments.v1.UploadChunk;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * attachments.v1 in a service that owns attachable records (station- and equipment-service alike):
 * maps messages and streams, the rules are {@link EvidenceService}'s. Uploads arrive chunk by
 * chunk and go to the store as they come; downloads are sent as the client is ready for more, so
 * a slow client slows the reading instead of filling memory.
 */
// each handler answers its own failures (as ImportStream does), so that the mapping holds wherever
// the service is hosted, with or without Spring gRPC's exception handler
public final class AttachmentGrpcService extends AttachmentServiceGrpc.AttachmentServiceImplBase {

    /** The largest data chunk sent or accepted. */
    public static final int CHUNK_BYTES = 64 * 1024;

    private final EvidenceService evidence;

    public AttachmentGrpcService(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Override
    public StreamObserver<UploadChunk> upload(StreamObserver<Attachment> out) {
        Caller caller = CallerContext.current();
        return new StreamObserver<>() {
            private IncomingFile file;
            private boolean failed;

            @Override
            public void onNext(UploadChunk chunk) {
                if (failed) {
                    return;
                }
                try {
                    if (chunk.hasHeader()) {
                        if (file != null) {
                            throw new ValidationException("header", "only the first chunk carries the header");
                        }
                        var h = chunk.getHeader();
                        file = evidence.begin(caller, new EvidenceService.UploadHeader(h.getBrigadeId(),
                                kind(h.getRecordKind()), h.getRecordId(), h.getOriginalName(),
                                h.getIdempotencyKey().isEmpty() ? null : h.getIdempotencyKey(), Math.max(0, h.getMaxSize())));
                    } else if (file == null) {
                        throw new ValidationException("header", "the first chunk must carry the header");
                    } else if (chunk.getData().size() > CHUNK_BYTES) {
                        throw new ValidationException("data", "chunks carry at most " + CHUNK_BYTES + " bytes");
                    } else {
                        file.accept(chunk.getData().toByteArray());
                    }
                } catch (RuntimeException e) {
                    fail(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                failed = true; // the client went away: nothing of its file stays
                if (file != null) {
                    file.abandon();
                }
            }

            @Override
            public void onCompleted() {
                if (failed) {
                    return;
                }
                try {
                    if (file == null) {
                        throw new ValidationException("header", "an upload needs a header and a file");
                    }
                    IncomingFile.Stored stored = file.finish();
                    out.onNext(proto(stored.attachment()).toBuilder().setReplayed(stored.replayed()).build());
                    out.onCompleted();
                } catch (RuntimeException e) {
                    fail(e);
                }
            }

            private void fail(RuntimeException e) {
                failed = true;
                if (file != null) {
                    file.abandon();
                }
                out.onError(DomainExceptionHandler.translate(e));
            }
        };
    }

    @Override
    public void listAttachments(ListAttachmentsRequest request, StreamObserver<ListAttachmentsResponse> out) {
        try {
            list(request, out);
        } catch (RuntimeException e) {
            out.onError(DomainExceptionHandler.translate(e));
        }
    }

    private void list(ListAttachmentsRequest request, StreamObserver<ListAttachmentsResponse> out) {
        RecordKind kind = request.getRecordKind() == cn.jincheng.brigades.proto.attachments.v1.RecordKind.RECORD_KIND_UNSPECIFIED
                ? null : kind(request.getRecordKind());
        ListAttachmentsResponse.Builder response = ListAttachmentsResponse.newBuilder();
        evidence.list(CallerContext.current(), request.getBrigadeId(), kind,
                request.getRecordId().isEmpty() ? null : request.getRecordId(), request.getIncludeDeleted())
                .forEach(a -> response.addAttachments(proto(a)));
        Replies.reply(out, response.build());
    }

    @Override
    public void download(DownloadRequest request, StreamObserver<DownloadChunk> out) {
        EvidenceService.Download download;
        try {
            download = evidence.open(CallerContext.current(), request.getId(), request.getThumbnail());
        } catch (RuntimeException e) {
            out.onError(DomainExceptionHandler.translate(e));
            return;
        }
        ServerCallStreamObserver<DownloadChunk> server = (ServerCallStreamObserver<DownloadChunk>) out;
        Pump pump = new Pump(download.content(), server);
        server.setOnCancelHandler(pump::close);
        server.setOnReadyHandler(pump::run);
        server.onNext(DownloadChunk.newBuilder().setAttachment(proto(download.attachment()).toBuilder()
                .setContentType(download.contentType())).build());
        pump.run();
    }

    @Override
    public void deleteAttachment(DeleteAttachmentRequest request, StreamObserver<Attachment> out) {
        try {
            Replies.reply(out, proto(evidence.delete(CallerContext.current(), request.getId())));
        } catch (RuntimeException e) {
            out.onError(DomainExceptionHandler.translate(e));
        }
    }

    @Override
    public void countAttachments(CountAttachmentsRequest request, StreamObserver<CountAttachmentsResponse> out) {
        try {
            Replies.reply(out, CountAttachmentsResponse.newBuilder().putAllCounts(evidence.counts(
                    CallerContext.current(), request.getCountyId().isEmpty() ? null : request.getCountyId())).build());
        } catch (RuntimeException e) {
            out.onError(DomainExceptionHandler.translate(e));
        }
    }

    /** Sends the file's chunks while the client is ready for them; gRPC calls it again when it is. */
    private static final class Pump {
        private final InputStream content;
        private final ServerCallStreamObserver<DownloadChunk> out;
        private boolean done;

        Pump(InputStream content, ServerCallStreamObserver<DownloadChunk> out) {
            this.content = content;
            this.out = out;
        }

        synchronized void run() {
            try {
                while (!done && out.isReady()) {
                    byte[] chunk = content.readNBytes(CHUNK_BYTES);
                    if (chunk.length == 0) {
                        close();
                        out.onCompleted();
                        return;
                    }
                    out.onNext(DownloadChunk.newBuilder().setData(ByteString.copyFrom(chunk)).build());
                }
            } catch (IOException | RuntimeException e) {
                if (!done) {
                    close();
                    out.onError(DomainExceptionHandler.translate(e));
                }
            }
        }

        synchronized void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                content.close();
            } catch (IOException ignored) {
                // a download stream holds no resource beyond its cursor
            }
        }
    }

    static RecordKind kind(cn.jincheng.brigades.proto.attachments.v1.RecordKind kind) {
        if (kind == cn.jincheng.brigades.proto.attachments.v1.RecordKind.RECORD_KIND_UNSPECIFIED
                || kind == cn.jincheng.brigades.proto.attachments.v1.RecordKind.UNRECOGNIZED) {
            throw new ValidationException("recordKind", "is required: " + java.util.Arrays.toString(RecordKind.values()));
        }
        return RecordKind.valueOf(kind.name().substring("RECORD_KIND_".length()));
    }

    static Attachment proto(cn.jincheng.brigades.common.domain.evidence.Attachment a) {
        Attachment.Builder b = Attachment.newBuilder().setId(a.id()).setBrigadeId(a.brigadeId())
                .setRecordKind(cn.jincheng.brigades.proto.attachments.v1.RecordKind.valueOf("RECORD_KIND_" + a.recordKind().name()))
                .setRecordId(a.recordId()).setContentType(a.contentType()).setSize(a.size()).setSha256(a.sha256())
                .setOriginalName(a.originalName()).setUploadedBy(a.uploadedBy())
                .setUploadedAt(ProtoTime.timestamp(a.uploadedAt())).setHasThumbnail(a.hasThumbnail());
        if (a.capturedAt() != null) {
            b.setCapturedAt(ProtoTime.timestamp(a.capturedAt()));
        }
        if (a.gps() != null) {
            b.setGps(Gps.newBuilder().setLat(a.gps().lat()).setLon(a.gps().lon()));
        }
        if (a.deleted()) {
            b.setDeletedBy(a.deletedBy()).setDeletedAt(ProtoTime.timestamp(a.deletedAt()));
        }
        return b.build();
    }
}
