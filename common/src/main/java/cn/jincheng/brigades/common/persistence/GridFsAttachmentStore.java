package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoGridFSException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.evidence.Attachment;
import cn.jincheng.brigades.common.domain.evidence.AttachmentStore;
import cn.jincheng.brigades.common.domain.evidence.Gps;
import cn.jincheng.brigades.common.domain.evidence.RecordKind;

/**
 * Attachments in the service's own database: the files in the GridFS bucket {@code attachments}
 * (the driver's {@link GridFSBucket}, 255 KiB chunks, its own indexes on {@code files_id, n} and
 * {@code filename, uploadDate}), the metadata in {@code evidence}, one document per attachment,
 * written with its audit entry ({@link AuditOutbox}). Each attachment's files have the ids
 * {@code <attachment>/original}, {@code /thumbnail} and {@code /without_location}.
 * <p>
 * An idempotency key is unique per uploader by a unique index on {@code uploadKey} (the uploader
 * and key; the attachment's id when there is no key), so two concurrent retries record one
 * attachment.
 */
public final class GridFsAttachmentStore implements AttachmentStore {

    public static final String BUCKET = "attachments";
    public static final String COLLECTION = "evidence";

    private final GridFSBucket bucket;
    private final MongoCollection<Document> evidence;
    private final AuditOutbox outbox;

    public GridFsAttachmentStore(MongoDatabase database, AuditOutbox outbox) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.evidence = database.getCollection(COLLECTION);
        this.outbox = outbox;
        MongoIndexes.declare(evidence, List.of(
                new IndexModel(Indexes.ascending("brigadeId", "recordKind", "recordId")),
                new IndexModel(Indexes.ascending("uploadKey"), new IndexOptions().unique(true))));
        outbox.relayLeftovers(evidence);
    }

    @Override
    public FileUpload upload(String attachmentId, Variant variant, String filename, String contentType) {
        GridFSUploadStream stream = bucket.openUploadStream(fileId(attachmentId, variant), filename,
                new GridFSUploadOptions().metadata(new Document("attachmentId", attachmentId)
                        .append("variant", variant.name()).append("contentType", contentType)));
        return new FileUpload() {
            @Override
            public void write(byte[] bytes, int offset, int length) {
                stream.write(bytes, offset, length);
            }

            @Override
            public void finish() {
                stream.close();
            }

            @Override
            public void abort() {
                stream.abort();
            }
        };
    }

    @Override
    public Optional<InputStream> open(String attachmentId, Variant variant) {
        BsonString id = fileId(attachmentId, variant);
        if (bucket.find(eq("_id", id)).first() == null) {
            return Optional.empty();
        }
        return Optional.of(bucket.openDownloadStream(id));
    }

    @Override
    public void discardFiles(String attachmentId) {
        for (Variant variant : Variant.values()) {
            try {
                bucket.delete(fileId(attachmentId, variant));
            } catch (MongoGridFSException absent) {
                // that file was never written
            }
        }
    }

    @Override
    public Attachment insert(Attachment attachment, AuditEntry audit) {
        try {
            evidence.insertOne(AuditOutbox.carrying(document(attachment), audit));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && attachment.idempotencyKey() != null) {
                return findByKey(attachment.uploadedBy(), attachment.idempotencyKey()).orElseThrow(() -> e);
            }
            throw e;
        }
        outbox.relay(evidence, attachment.id(), audit);
        return attachment;
    }

    @Override
    public Optional<Attachment> find(String id) {
        return Optional.ofNullable(evidence.find(eq("_id", id)).first()).map(GridFsAttachmentStore::attachment);
    }

    @Override
    public Optional<Attachment> findByKey(String uploadedBy, String idempotencyKey) {
        return Optional.ofNullable(evidence.find(eq("uploadKey", uploadKey(uploadedBy, idempotencyKey))).first())
                .map(GridFsAttachmentStore::attachment);
    }

    @Override
    public List<Attachment> list(String brigadeId, RecordKind kind, String recordId, boolean includeDeleted) {
        List<Bson> filters = new ArrayList<>(List.of(eq("brigadeId", brigadeId)));
        if (kind != null) {
            filters.add(eq("recordKind", kind.name()));
            if (recordId != null) {
                filters.add(eq("recordId", recordId));
            }
        }
        if (!includeDeleted) {
            filters.add(eq("deletedAt", null));
        }
        List<Attachment> found = new ArrayList<>();
        evidence.find(and(filters)).sort(Sorts.ascending("uploadedAt", "_id"))
                .forEach(d -> found.add(attachment(d)));
        return found;
    }

    @Override
    public boolean markDeleted(String id, String by, Instant at, AuditEntry audit) {
        boolean marked = evidence.updateOne(and(eq("_id", id), eq("deletedAt", null)),
                Updates.combine(Updates.set("deletedAt", Date.from(at)), Updates.set("deletedBy", by),
                        AuditOutbox.carrying(audit))).getModifiedCount() == 1;
        if (marked) {
            outbox.relay(evidence, id, audit);
        }
        return marked;
    }

    /**
     * Read as a projection of one field and counted here rather than by an aggregation, which the
     * embedded store answers by loading every document anyway; a city's evidence is thousands of
     * small documents.
     */
    @Override
    public Map<String, Long> countsByBrigade() {
        Map<String, Long> counts = new LinkedHashMap<>();
        evidence.find(eq("deletedAt", null)).projection(Projections.include("brigadeId"))
                .forEach(d -> counts.merge(d.getString("brigadeId"), 1L, Long::sum));
        return counts;
    }

    private static BsonString fileId(String attachmentId, Variant variant) {
        return new BsonString(attachmentId + "/" + variant.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String uploadKey(String uploadedBy, String key) {
        return uploadedBy + "\n" + key;
    }

    static Document document(Attachment a) {
        Document d = new Document("_id", a.id()).append("brigadeId", a.brigadeId())
                .append("recordKind", a.recordKind().name()).append("recordId", a.recordId())
                .append("contentType", a.contentType()).append("size", a.size()).append("sha256", a.sha256())
                .append("originalName", a.originalName()).append("uploadedBy", a.uploadedBy())
                .append("uploadedAt", Date.from(a.uploadedAt())).append("hasThumbnail", a.hasThumbnail())
                .append("uploadKey", a.idempotencyKey() == null ? a.id() : uploadKey(a.uploadedBy(), a.idempotencyKey()));
        if (a.idempotencyKey() != null) {
            d.append("idempotencyKey", a.idempotencyKey());
        }
        if (a.capturedAt() != null) {
            d.append("capturedAt", Date.from(a.capturedAt()));
        }
        if (a.gps() != null) {
            d.append("gps", new Document("lat", a.gps().lat()).append("lon", a.gps().lon()));
        }
        return d;
    }

    static Attachment attachment(Document d) {
        Document gps = d.get("gps", Document.class);
        return new Attachment(d.getString("_id"), d.getString("brigadeId"), RecordKind.valueOf(d.getString("recordKind")),
                d.getString("recordId"), d.getString("contentType"), d.get("size", Number.class).longValue(),
                d.getString("sha256"), d.getString("originalName"), d.getString("uploadedBy"), instant(d, "uploadedAt"),
                instant(d, "capturedAt"), gps == null ? null : new Gps(gps.getDouble("lat"), gps.getDouble("lon")),
                d.getBoolean("hasThumbnail", false), d.getString("deletedBy"), instant(d, "deletedAt"),
                d.getString("idempotencyKey"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
