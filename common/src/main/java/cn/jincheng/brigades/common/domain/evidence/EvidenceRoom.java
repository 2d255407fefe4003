package cn.jincheng.brigades.common.domain.evidence;

import java.time.Instant;

/**
 * The room each record has for evidence (files and bytes), shared by the uploads that run at the
 * same time: an upload reserves its place before its first byte is kept, settles it at its real
 * size once recorded, and gives it back when it is refused or abandoned; a deletion frees its
 * place. Reserving is one atomic step against the record's caps, so that uploads running together
 * can never exceed them (a read of the total followed by a write could: both read the same total).
 */
public interface EvidenceRoom {

    /** One record that takes evidence. */
    record Place(String brigadeId, RecordKind kind, String recordId) {
    }

    /** What a record holds, counting the places reserved by uploads under way. */
    record Usage(int files, long bytes) {
    }

    /**
     * Reserves one file and {@code bytes} for the upload {@code uploadId}, if the record then holds
     * at most {@code maxFiles} files and {@code maxBytes} bytes. @return whether it was reserved
     */
    boolean reserve(Place place, String uploadId, long bytes, Instant at, int maxFiles, long maxBytes);

    /** The upload was recorded with {@code size} bytes: what it reserved beyond that is given back. */
    void settle(Place place, String uploadId, long reserved, long size);

    /** The upload was refused, abandoned or answered by an earlier one: its whole place is given back. */
    void release(Place place, String uploadId, long reserved);

    /** A recorded attachment of {@code size} bytes was deleted: its place is free again. */
    void free(Place place, long size);

    Usage usage(Place place);
}
