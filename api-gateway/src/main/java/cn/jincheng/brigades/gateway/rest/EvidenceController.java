package cn.jincheng.brigades.gateway.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.gateway.backend.AttachmentClient;
import cn.jincheng.brigades.gateway.backend.Backend;
import cn.jincheng.brigades.gateway.problem.ApiException;
import cn.jincheng.brigades.proto.attachments.v1.Attachment;
import cn.jincheng.brigades.proto.attachments.v1.DownloadChunk;
import cn.jincheng.brigades.proto.attachments.v1.ListAttachmentsRequest;
import cn.jincheng.brigades.proto.attachments.v1.RecordKind;
import cn.jincheng.brigades.proto.attachments.v1.UploadHeader;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Evidence: photos and documents attached to a brigade's records (ADR 0012). The upload is read
 * part by part and its file passed on in chunks as it arrives, to the service that owns the record;
 * files are served with the type sniffed at upload, never rendered as a page of this origin
 * ({@code nosniff}, a sandboxing CSP, documents as downloads).
 */
@RestController
@RequestMapping(path = "/api/v1")
@Tag(name = "Evidence")
class EvidenceController {

    /**
     * The multipart form as the contract describes it (the parts are read as they stream, not bound
     * to this): the record's fields first, then the file.
     */
    @Schema(name = "AttachmentForm", requiredProperties = { "recordKind", "recordId", "file" })
    record AttachmentForm(@Schema(example = "MILESTONE_SUBMISSION") String recordKind,
            @Schema(example = "construction-complete") String recordId,
            @Schema(type = "string", format = "binary") byte[] file) {
    }

    static final String FILE_CSP = "default-src 'none'; sandbox";

    record GpsDto(double lat, double lon) {
    }

    record AttachmentDto(String id, String brigadeId, String recordKind, String recordId, String contentType, long size,
            String sha256, String originalName, String uploadedBy, Instant uploadedAt, Instant capturedAt, GpsDto gps,
            String thumbnailUrl, String contentUrl, String deletedBy, Instant deletedAt) {
    }

    private final AttachmentClient attachments;
    private final long maxFileBytes;
    private final long drainCap;

    EvidenceController(AttachmentClient attachments,
            @Value("${brigades.evidence.max-file-size:10MB}") DataSize maxFile,
            @Value("${brigades.web.upload-drain-cap:128MB}") DataSize drainCap) {
        this.attachments = attachments;
        this.maxFileBytes = maxFile.toBytes();
        this.drainCap = drainCap.toBytes();
    }

    @Operation(operationId = "uploadAttachment", summary = "Attach a photo or document (multipart/form-data: recordKind and recordId, then file) to one of "
            + "the brigade's records; the type is sniffed from the bytes (JPEG, PNG, PDF, Word, Excel); 413 over the "
            + "caps, 415 for any other type; Idempotency-Key makes a retry store nothing new")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record", useReturnTypeSchema = true)
    @PostMapping(path = "/brigades/{brigadeId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<AttachmentDto>> upload(Caller caller, @PathVariable String brigadeId,
            // the form's fields are the documented way; these query parameters are an older spelling still accepted
            @Parameter(hidden = true) @RequestParam(required = false) String recordKind,
            @Parameter(hidden = true) @RequestParam(required = false) String recordId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            // the body's length bounds the file's: the service reserves that much of the record's room
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = AttachmentForm.class)))
            @RequestBody Flux<PartEvent> parts) {
        MultipartUpload upload = new MultipartUpload(caller, brigadeId, idempotencyKey, recordKind, recordId,
                contentLength == null ? 0 : contentLength);
        return parts.concatMap(upload::next)
                .then(Mono.defer(upload::finish))
                .doOnCancel(() -> upload.cancel("the client went away"))
                .map(stored -> {
                    var response = ResponseEntity.status(HttpStatus.CREATED)
                            .location(URI.create("/api/v1/attachments/" + stored.getId() + "/content"));
                    if (stored.getReplayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.body(dto(stored));
                });
    }

    @Operation(operationId = "listAttachments", summary = "The brigade's attachments, of one record (recordKind and recordId), one kind, or all; "
            + "includeDeleted=true (city administrator and inspectors) shows deleted ones with deletedBy/deletedAt")
    @GetMapping("/brigades/{brigadeId}/attachments")
    Mono<Dtos.Items<AttachmentDto>> list(Caller caller, @PathVariable String brigadeId,
            @RequestParam(required = false) String recordKind, @RequestParam(required = false) String recordId,
            @RequestParam(defaultValue = "false") boolean includeDeleted) {
        if (recordId != null && recordKind == null) {
            throw ApiException.invalid("recordKind", "is required with recordId");
        }
        ListAttachmentsRequest.Builder request = ListAttachmentsRequest.newBuilder().setBrigadeId(brigadeId)
                .setIncludeDeleted(includeDeleted);
        if (recordKind != null) {
            RecordKind kind = kind(recordKind);
            request.setRecordKind(kind);
            if (recordId != null) {
                request.setRecordId(recordId);
            }
            return attachments.list(owner(kind), caller, request.build())
                    .map(r -> new Dtos.Items<>(r.getAttachmentsList().stream().map(EvidenceController::dto).toList()));
        }
        // one after the other, so that a refusal reads the same every time (station-service's first)
        return Flux.concat(attachments.list(Backend.STATION, caller, request.build()),
                attachments.list(Backend.EQUIPMENT, caller, request.build()))
                .flatMapIterable(r -> r.getAttachmentsList())
                .sort(Comparator.comparing((Attachment a) -> ProtoTime.instant(a.getUploadedAt())).thenComparing(Attachment::getId))
                .map(EvidenceController::dto).collectList().map(Dtos.Items::new);
    }

    @Operation(operationId = "attachmentContent", summary = "The file's bytes, with the sniffed type; documents always as a download, photos inline unless "
            + "download=1; without location data for callers who may not see locations")
    @ApiResponse(responseCode = "200", description = "The file, with its sniffed type", content = @Content(
            mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/attachments/{id}/content")
    Mono<Void> content(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "false") boolean download,
            ServerWebExchange exchange) {
        return serve(caller, id, false, download, exchange);
    }

    @Operation(operationId = "attachmentThumbnail", summary = "A JPEG thumbnail of a photo (made once, at upload)")
    @ApiResponse(responseCode = "200", description = "The thumbnail", content = @Content(
            mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/attachments/{id}/thumbnail")
    Mono<Void> thumbnail(Caller caller, @PathVariable String id, ServerWebExchange exchange) {
        return serve(caller, id, true, false, exchange);
    }

    @Operation(operationId = "deleteAttachment", summary = "Delete an attachment: it is marked deleted (who, when), kept, and the deletion audited")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    @DeleteMapping("/attachments/{id}")
    Mono<ResponseEntity<Void>> delete(Caller caller, @PathVariable String id) {
        return attachments.delete(Backend.STATION, caller, id)
                .onErrorResume(EvidenceController::notFound, e -> attachments.delete(Backend.EQUIPMENT, caller, id))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** An attachment id does not say which service keeps it: station-service is asked first, then equipment-service. */
    private Mono<Void> serve(Caller caller, String id, boolean thumbnail, boolean download, ServerWebExchange exchange) {
        return write(attachments.download(Backend.STATION, caller, id, thumbnail), thumbnail, download, exchange)
                .onErrorResume(EvidenceController::notFound, e -> write(
                        attachments.download(Backend.EQUIPMENT, caller, id, thumbnail), thumbnail, download, exchange));
    }

    private static Mono<Void> write(Flux<DownloadChunk> chunks, boolean thumbnail, boolean download,
            ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        return chunks.switchOnFirst((first, all) -> {
            if (!first.hasValue()) {
                return first.hasError() ? Mono.<Void>error(first.getThrowable())
                        : Mono.<Void>error(new IllegalStateException("an empty download"));
            }
            Attachment a = first.get().getAttachment();
            headers(response.getHeaders(), a, thumbnail, download);
            return response.writeWith(all.skip(1).map(c -> response.bufferFactory().wrap(c.getData().toByteArray())));
        }).then();
    }

    private static void headers(HttpHeaders headers, Attachment a, boolean thumbnail, boolean download) {
        headers.setContentType(MediaType.parseMediaType(a.getContentType()));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", FILE_CSP);
        headers.setCacheControl("private, no-cache");
        boolean inline = !download && a.getContentType().startsWith("image/");
        String name = thumbnail ? "thumbnail-" + a.getOriginalName() + ".jpg" : a.getOriginalName();
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        headers.set(HttpHeaders.CONTENT_DISPOSITION, (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(ascii).build() + "; filename*=UTF-8''" + UriUtils.encode(name, StandardCharsets.UTF_8));
    }

    private static boolean notFound(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND;
    }

    static RecordKind kind(String name) {
        try {
            RecordKind kind = RecordKind.valueOf("RECORD_KIND_" + name);
            if (kind != RecordKind.RECORD_KIND_UNSPECIFIED && kind != RecordKind.UNRECOGNIZED) {
                return kind;
            }
        } catch (IllegalArgumentException ignored) {
            // named below
        }
        throw ApiException.invalid("recordKind", "must be one of MILESTONE_SUBMISSION, HOUSING, VEHICLE, EQUIPMENT, "
                + "EQUIPMENT_CHECK, DRILL, INSPECTION, COUNTY_ACCEPTANCE");
    }

    /** The service that keeps a kind of record, and its evidence. */
    static Backend owner(RecordKind kind) {
        return switch (kind) {
            case RECORD_KIND_VEHICLE, RECORD_KIND_EQUIPMENT, RECORD_KIND_EQUIPMENT_CHECK, RECORD_KIND_DRILL -> Backend.EQUIPMENT;
            default -> Backend.STATION;
        };
    }

    static AttachmentDto dto(Attachment a) {
        String base = "/api/v1/attachments/" + a.getId();
        return new AttachmentDto(a.getId(), a.getBrigadeId(), a.getRecordKind().name().substring("RECORD_KIND_".length()),
                a.getRecordId(), a.getContentType(), a.getSize(), a.getSha256(), a.getOriginalName(), a.getUploadedBy(),
                ProtoTime.instant(a.getUploadedAt()), a.hasCapturedAt() ? ProtoTime.instant(a.getCapturedAt()) : null,
                a.hasGps() ? new GpsDto(a.getGps().getLat(), a.getGps().getLon()) : null,
                a.getHasThumbnail() ? base + "/thumbnail" : null, base + "/content",
                a.getDeletedBy().isEmpty() ? null : a.getDeletedBy(),
                a.hasDeletedAt() ? ProtoTime.instant(a.getDeletedAt()) : null);
    }

    /**
     * The parts of one upload, in order: the fields (recordKind, recordId; or the query's), then
     * the file, whose chunks go to the service as they come. Once the upload is refused (by the
     * gateway's cap or by the service) the rest of the body is read and dropped, up to the drain
     * cap, so that the client reads the problem instead of a reset connection.
     */
    private final class MultipartUpload {
        private final Caller caller;
        private final String brigadeId;
        private final String idempotencyKey;
        private final long maxSize;
        private String recordKind;
        private String recordId;
        private AttachmentClient.Upload call;
        private boolean fileSeen;
        private boolean fileDone;
        private long size;
        private long drained;
        private RuntimeException refusal;

        MultipartUpload(Caller caller, String brigadeId, String idempotencyKey, String recordKind, String recordId,
                long maxSize) {
            this.caller = caller;
            this.maxSize = maxSize;
            this.brigadeId = brigadeId;
            this.idempotencyKey = idempotencyKey;
            this.recordKind = recordKind;
            this.recordId = recordId;
        }

        Mono<Void> next(PartEvent event) {
            if (event instanceof FormPartEvent form) {
                if (!fileSeen && form.name().equals("recordKind")) {
                    recordKind = form.value();
                } else if (!fileSeen && form.name().equals("recordId")) {
                    recordId = form.value();
                }
                return Mono.empty();
            }
            DataBuffer buffer = event.content();
            int length = buffer.readableByteCount();
            boolean isFile = event instanceof FilePartEvent && event.name().equals("file");
            if (refusal != null || !isFile || fileDone) {
                DataBufferUtils.release(buffer);
                if (isFile && fileDone && refusal == null) {
                    refusal = ApiException.invalid("file", "send one file per request");
                }
                drained += length;
                return drained > drainCap ? Mono.error(refusal != null ? refusal : ApiException.tooLarge("too large")) : Mono.empty();
            }
            if (!fileSeen) {
                fileSeen = true;
                try {
                    start(((FilePartEvent) event).filename());
                } catch (RuntimeException e) {
                    refusal = e;
                    DataBufferUtils.release(buffer);
                    return Mono.empty();
                }
            }
            fileDone = event.isLast();
            size += length;
            if (size > maxFileBytes) {
                DataBufferUtils.release(buffer);
                refusal = ApiException.tooLarge("a file may be at most " + DataSize.ofBytes(maxFileBytes).toMegabytes() + " MB");
                call.cancel("the file is over the cap");
                return Mono.empty();
            }
            byte[] bytes = new byte[length];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            Mono<Void> sent = Mono.empty();
            for (int at = 0; at < length; at += AttachmentClient.CHUNK_BYTES) {
                int from = at;
                sent = sent.then(Mono.defer(() -> call.data(bytes, from, Math.min(AttachmentClient.CHUNK_BYTES, length - from))));
            }
            return sent;
        }

        private void start(String filename) {
            if (recordKind == null) {
                throw ApiException.invalid("recordKind", "is required, before the file");
            }
            if (recordId == null || recordId.isBlank()) {
                throw ApiException.invalid("recordId", "is required, before the file");
            }
            RecordKind kind = kind(recordKind);
            UploadHeader.Builder header = UploadHeader.newBuilder().setBrigadeId(brigadeId).setRecordKind(kind)
                    .setRecordId(recordId).setOriginalName(filename == null ? "" : filename).setMaxSize(Math.max(0, maxSize));
            if (idempotencyKey != null) {
                header.setIdempotencyKey(idempotencyKey);
            }
            call = attachments.upload(owner(kind), caller, header.build());
        }

        Mono<Attachment> finish() {
            if (refusal != null) {
                if (call != null) {
                    call.cancel("refused");
                }
                return Mono.error(refusal);
            }
            if (call == null) {
                return Mono.error(ApiException.invalid("file", "is required: a multipart part named file"));
            }
            return call.finish();
        }

        void cancel(String why) {
            if (call != null) {
                call.cancel(why);
            }
        }
    }
}
