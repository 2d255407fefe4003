package cn.jincheng.brigades.common.domain.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.errors.UnacceptableContentException;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.common.domain.identity.Caller;

/**
 * One upload while its bytes arrive. The first {@value ContentSniffer#HEAD_BYTES} bytes are held
 * to decide the type; from then on every chunk goes straight to the store, counted against the
 * cap and hashed on the way, so that no whole file is ever held. A refusal removes what was kept.
 * A retry under an idempotency key already recorded only hashes the bytes, to tell a true retry
 * (the first answer again) from a different file (a conflict). A new upload holds the place it
 * reserved on its record ({@link EvidenceRoom}) until it is recorded (then settled at its size) or
 * given up (then given back), whichever way it ends.
 */
public final class IncomingFile {

    /** The outcome: the recorded attachment, and whether it was recorded by an earlier request. */
    public record Stored(Attachment attachment, boolean replayed) {
    }

    private final EvidenceService service;
    private final Caller caller;
    private final EvidenceService.UploadHeader header;
    private final String county;
    private final String name;
    private final String id;
    private final Attachment earlier;
    private final long cap;
    private final String capMessage;
    private final long reserved;
    private boolean roomDone;
    private final MessageDigest sha256;
    private final byte[] head = new byte[ContentSniffer.HEAD_BYTES];
    private int headLength;
    private long size;
    private String contentType;
    private AttachmentStore.FileUpload upload;
    private boolean uploadOpen;
    private boolean over;
    private boolean abandoned;

    IncomingFile(EvidenceService service, Caller caller, EvidenceService.UploadHeader header, String county, String name,
            String id, Attachment earlier, long cap, String capMessage, long reserved) {
        this.service = service;
        this.caller = caller;
        this.header = header;
        this.county = county;
        this.name = name;
        this.id = id;
        this.earlier = earlier;
        this.cap = cap;
        this.capMessage = capMessage;
        this.reserved = reserved;
        this.roomDone = reserved == 0;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next bytes of the file. */
    public void accept(byte[] data) {
        if (over) {
            return;
        }
        size += data.length;
        if (size > cap) {
            abandon();
            throw tooLarge(capMessage);
        }
        sha256.update(data);
        if (earlier != null) {
            return;
        }
        int offset = 0;
        if (upload == null) {
            int taken = Math.min(data.length, head.length - headLength);
            System.arraycopy(data, 0, head, headLength, taken);
            headLength += taken;
            offset = taken;
            if (headLength < head.length) {
                return;
            }
            start();
        }
        if (offset < data.length) {
            upload.write(data, offset, data.length - offset);
        }
    }

    /** The last bytes have arrived: records the attachment (or answers with the one recorded under the key). */
    public Stored finish() {
        Stored stored = store();
        return EvidencePolicy.maySeeLocations(caller, county) ? stored
                : new Stored(stored.attachment().withoutLocation(), stored.replayed());
    }

    private Stored store() {
        if (size == 0) {
            abandon();
            throw new ValidationException("file", "is empty");
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        if (earlier != null) {
            return replay(earlier, hash);
        }
        if (upload == null) {
            start();
        }
        upload.finish();
        uploadOpen = false;
        over = true;
        Stored stored = service.record(this, contentType, size, hash);
        abandoned = true; // recorded (or answered by an earlier one): a late abandon() must leave its files alone
        return stored;
    }

    /** The upload was refused or the client went away: nothing of it stays. */
    public void abandon() {
        over = true;
        giveBackRoom();
        if (abandoned || upload == null) {
            return;
        }
        abandoned = true;
        if (uploadOpen) {
            uploadOpen = false;
            upload.abort();
        }
        service.discard(id);
    }

    /** The upload will not be recorded as this attachment: its place on the record is free again. */
    void giveBackRoom() {
        if (!roomDone) {
            roomDone = true;
            service.release(this, reserved);
        }
    }

    /** The upload is recorded with {@code size} bytes: what it reserved beyond that is free again. */
    void settleRoom(long size) {
        if (!roomDone) {
            roomDone = true;
            service.settle(this, reserved, size);
        }
    }

    private void start() {
        contentType = service.sniff(head, headLength, name);
        upload = service.upload(id, name, contentType);
        uploadOpen = true;
        upload.write(head, 0, headLength);
    }

    static Stored replay(Attachment recorded, String sha256) {
        if (!recorded.sha256().equals(sha256)) {
            throw new StateConflictException("this Idempotency-Key was used for a different file; use a new key");
        }
        return new Stored(recorded, true);
    }

    static UnacceptableContentException tooLarge(String message) {
        return new UnacceptableContentException(UnacceptableContentException.Reason.TOO_LARGE, message);
    }

    static UnacceptableContentException unsupported(String message) {
        return new UnacceptableContentException(UnacceptableContentException.Reason.UNSUPPORTED_TYPE, message);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    Caller caller() {
        return caller;
    }

    EvidenceService.UploadHeader header() {
        return header;
    }

    String county() {
        return county;
    }
}
