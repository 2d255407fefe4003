package cn.jincheng.brigades.common.domain.evidence;

import java.time.Instant;

/**
 * A photo or document attached to one of a brigade's records: what it is (the type sniffed from its
 * bytes, size, SHA-256), who attached it and when, and what its EXIF said (capture time, location).
 * Deleting only marks it ({@code deletedAt}, {@code deletedBy}); the bytes and the audit stay.
 *
 * @param idempotencyKey the uploader's key, if the upload carried one (a retry with it stores nothing new)
 */
public record Attachment(String id, String brigadeId, RecordKind recordKind, String recordId, String contentType,
        long size, String sha256, String originalName, String uploadedBy, Instant uploadedAt, Instant capturedAt,
        Gps gps, boolean hasThumbnail, String deletedBy, Instant deletedAt, String idempotencyKey) {

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }

    /** The same attachment without its location, as a caller who may not see locations gets it. */
    public Attachment withoutLocation() {
        return new Attachment(id, brigadeId, recordKind, recordId, contentType, size, sha256, originalName, uploadedBy,
                uploadedAt, capturedAt, null, hasThumbnail, deletedBy, deletedAt, idempotencyKey);
    }

    Attachment deleted(String by, Instant at) {
        return new Attachment(id, brigadeId, recordKind, recordId, contentType, size, sha256, originalName, uploadedBy,
                uploadedAt, capturedAt, gps, hasThumbnail, by, at, idempotencyKey);
    }
}
