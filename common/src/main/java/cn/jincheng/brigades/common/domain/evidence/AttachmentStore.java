package cn.jincheng.brigades.common.domain.evidence;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/**
 * Where attachments live: the files (the original, and the derived thumbnail and copy without
 * location) and their metadata. Files are written as they arrive and read as streams, never held
 * whole. The metadata is written together with its audit entry.
 */
public interface AttachmentStore {

    /** A file being written: chunks in order, then {@link #finish} or {@link #abort} (which removes what was written). */
    interface FileUpload {
        void write(byte[] bytes, int offset, int length);

        void finish();

        void abort();
    }

    /** The files kept for an attachment. */
    enum Variant {
        ORIGINAL, THUMBNAIL, WITHOUT_LOCATION
    }

    FileUpload upload(String attachmentId, Variant variant, String filename, String contentType);

    /** The file, if it was kept. */
    Optional<InputStream> open(String attachmentId, Variant variant);

    /** Removes every file of an attachment that was never recorded (a refused upload). */
    void discardFiles(String attachmentId);

    /**
     * Records the attachment's metadata with its audit entry, unless another one of the same uploader
     * already carries its idempotency key. @return the attachment recorded under the key (this one, or the earlier)
     */
    Attachment insert(Attachment attachment, AuditEntry audit);

    Optional<Attachment> find(String id);

    /** The uploader's attachment recorded under the key, if any. */
    Optional<Attachment> findByKey(String uploadedBy, String idempotencyKey);

    /** A brigade's attachments in upload order: one record's ({@code kind} and {@code recordId} set), one kind's, or all. */
    List<Attachment> list(String brigadeId, RecordKind kind, String recordId, boolean includeDeleted);

    /** Marks the attachment deleted, with its audit entry. @return false when it was deleted already */
    boolean markDeleted(String id, String by, Instant at, AuditEntry audit);

    /** How many (not deleted) attachments each brigade has; brigades without any are absent. */
    Map<String, Long> countsByBrigade();
}
