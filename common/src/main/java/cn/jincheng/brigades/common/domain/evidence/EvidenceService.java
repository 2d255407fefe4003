package cn.jincheng.brigades.common.domain.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.evidence.AttachmentStore.Variant;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.ids.RecordIds;
import cn.jincheng.brigades.common.domain.time.TimeSource;

/**
 * Evidence attached to the records a service owns: the upload (checked before a byte is kept, capped
 * while the bytes arrive, typed by its content), the listing, the download (without location for
 * callers who may not see it) and the soft delete. Attaching and deleting are audited in the
 * brigade's chain with the file's SHA-256. A brigade of another county is not found, for reading
 * and writing alike: a clerk learns nothing of other counties' evidence.
 */
public final class EvidenceService {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._:-]{1,200}$");

    /**
     * What an upload says before its bytes. {@code maxSize}: an upper bound of the file's size the
     * client declares (the gateway sends the request's length), or 0 when it does not know.
     */
    public record UploadHeader(String brigadeId, RecordKind kind, String recordId, String originalName,
            String idempotencyKey, long maxSize) {

        public UploadHeader(String brigadeId, RecordKind kind, String recordId, String originalName,
                String idempotencyKey) {
            this(brigadeId, kind, recordId, originalName, idempotencyKey, 0);
        }

        EvidenceRoom.Place place() {
            return new EvidenceRoom.Place(brigadeId, kind, recordId);
        }
    }

    /** A file to send: the attachment as the caller may see it, its bytes and their type. */
    public record Download(Attachment attachment, InputStream content, String contentType) {
    }

    private final AttachmentStore store;
    private final EvidenceRoom room;
    private final AttachableRecords records;
    private final RecordIds ids;
    private final TimeSource time;
    private final EvidenceLimits limits;
    private final ContentSniffer sniffer = new ContentSniffer();
    private final PhotoProcessing photos;

    public EvidenceService(AttachmentStore store, EvidenceRoom room, AttachableRecords records, RecordIds ids,
            TimeSource time, EvidenceLimits limits) {
        this.store = store;
        this.room = room;
        this.records = records;
        this.ids = ids;
        this.time = time;
        this.limits = limits;
        this.photos = new PhotoProcessing(time.zone());
    }

    public EvidenceLimits limits() {
        return limits;
    }

    /**
     * Starts an upload: the caller may attach to that record, the record exists and has room.
     * Nothing is kept until the first bytes show an allowed type.
     */
    public IncomingFile begin(Caller caller, UploadHeader header) {
        Validator v = new Validator().notBlank(header.brigadeId(), "brigadeId")
                .check(header.kind() != null, "recordKind", "is required: " + java.util.Arrays.toString(RecordKind.values()))
                .notBlank(header.recordId(), "recordId").maxLength(header.recordId(), 200, "recordId")
                .check(header.idempotencyKey() == null || KEY.matcher(header.idempotencyKey()).matches(),
                        "Idempotency-Key", "1 to 200 letters, digits or ._:-");
        v.throwIfInvalid();
        if (!records.kinds().contains(header.kind())) {
            throw new cn.jincheng.brigades.common.domain.errors.ValidationException("recordKind",
                    header.kind() + " records are not kept by this service");
        }
        String county = visibleCounty(caller, header.brigadeId());
        EvidencePolicy.requireAttach(caller, header.kind(), county);
        if (!records.exists(header.brigadeId(), county, header.kind(), header.recordId())) {
            throw new NotFoundException(header.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    header.recordId());
        }
        Attachment earlier = header.idempotencyKey() == null ? null
                : store.findByKey(caller.subject(), header.idempotencyKey()).orElse(null);
        String id = ids.next();
        if (earlier != null) { // a retry only hashes its bytes: it takes no room
            return new IncomingFile(this, caller, header, county, sanitize(header.originalName()), id, earlier,
                    limits.maxFileBytes(), "a file may be at most " + EvidenceLimits.megabytes(limits.maxFileBytes()), 0);
        }
        boolean sizeKnown = header.maxSize() > 0;
        long wanted = sizeKnown ? Math.min(header.maxSize(), limits.maxFileBytes()) : limits.maxFileBytes();
        long reserved = reserve(header.place(), id, wanted, !sizeKnown);
        String capMessage = reserved == limits.maxFileBytes()
                ? "a file may be at most " + EvidenceLimits.megabytes(limits.maxFileBytes())
                : sizeKnown ? "the file is larger than the " + reserved + " bytes its upload declared"
                        : roomMessage(reserved);
        return new IncomingFile(this, caller, header, county, sanitize(header.originalName()), id, null, reserved,
                capMessage, reserved);
    }

    /**
     * Reserves the upload's place on its record before any byte is kept: what it declared (or one
     * file's cap), or, when it declared nothing, what is left. @return the bytes reserved
     */
    private long reserve(EvidenceRoom.Place place, String id, long wanted, boolean mayTakeWhatIsLeft) {
        java.time.Instant at = time.now();
        if (room.reserve(place, id, wanted, at, limits.maxFilesPerRecord(), limits.maxBytesPerRecord())) {
            return wanted;
        }
        EvidenceRoom.Usage usage = room.usage(place);
        if (usage.files() >= limits.maxFilesPerRecord()) {
            throw IncomingFile.tooLarge("this record has " + usage.files() + " files (counting uploads under way), "
                    + "the most a record may have");
        }
        long left = Math.max(0, limits.maxBytesPerRecord() - usage.bytes());
        if (mayTakeWhatIsLeft && left > 0
                && room.reserve(place, id, left, at, limits.maxFilesPerRecord(), limits.maxBytesPerRecord())) {
            return left;
        }
        throw IncomingFile.tooLarge(roomMessage(left));
    }

    private String roomMessage(long left) {
        return "this record's files may be at most " + EvidenceLimits.megabytes(limits.maxBytesPerRecord())
                + " together (counting uploads under way); " + EvidenceLimits.megabytes(left) + " are left";
    }

    /** A brigade's attachments: of one record, one kind, or every kind this service keeps. */
    public List<Attachment> list(Caller caller, String brigadeId, RecordKind kind, String recordId,
            boolean includeDeleted) {
        String county = visibleCounty(caller, brigadeId);
        if (includeDeleted) {
            EvidencePolicy.requireSeeDeleted(caller);
        }
        if (kind != null && !records.kinds().contains(kind)) {
            return List.of();
        }
        boolean locations = EvidencePolicy.maySeeLocations(caller, county);
        return store.list(brigadeId, kind, kind == null ? null : recordId, includeDeleted).stream()
                .map(a -> locations ? a : a.withoutLocation()).toList();
    }

    /**
     * The file (or its thumbnail) as this caller may have it: without location data when the photo
     * has some and the caller may not see locations.
     */
    public Download open(Caller caller, String id, boolean thumbnail) {
        Attachment a = visible(caller, id);
        boolean locations = EvidencePolicy.maySeeLocations(caller, visibleCounty(caller, a.brigadeId()));
        Variant variant = thumbnail ? Variant.THUMBNAIL
                : a.gps() != null && !locations ? Variant.WITHOUT_LOCATION : Variant.ORIGINAL;
        if (thumbnail && !a.hasThumbnail()) {
            throw new NotFoundException("thumbnail of attachment", id);
        }
        InputStream content = store.open(id, variant).orElseThrow(() -> new NotFoundException("attachment", id));
        return new Download(locations ? a : a.withoutLocation(), content, thumbnail ? ContentSniffer.JPEG : a.contentType());
    }

    /** Marks the attachment deleted (it stays in the store and the audit). */
    public Attachment delete(Caller caller, String id) {
        Attachment a = visible(caller, id);
        String county = visibleCounty(caller, a.brigadeId());
        EvidencePolicy.requireAttach(caller, a.recordKind(), county);
        if (a.deleted()) {
            return a;
        }
        java.time.Instant at = time.now();
        Attachment deleted = a.deleted(caller.subject(), at);
        AuditEntry entry = AuditEntry.of(caller, at, a.brigadeId(), "attachment.delete", view(a), view(deleted),
                Map.of("attachmentId", id));
        if (store.markDeleted(id, caller.subject(), at, entry)) {
            room.free(new EvidenceRoom.Place(a.brigadeId(), a.recordKind(), a.recordId()), a.size());
        }
        return EvidencePolicy.maySeeLocations(caller, county) ? deleted : deleted.withoutLocation();
    }

    /** Attachments per brigade the caller may see (of one county, or all when null). */
    public Map<String, Long> counts(Caller caller, String countyId) {
        Map<String, Long> all = store.countsByBrigade();
        Map<String, String> counties = records.counties(all.keySet());
        Map<String, Long> visible = new LinkedHashMap<>();
        all.forEach((brigade, count) -> {
            String county = counties.get(brigade);
            if (county != null && caller.sees(county) && (countyId == null || countyId.equals(county))) {
                visible.put(brigade, count);
            }
        });
        return visible;
    }

    private Attachment visible(Caller caller, String id) {
        Attachment a = store.find(id).orElseThrow(() -> new NotFoundException("attachment", id));
        visibleCounty(caller, a.brigadeId());
        if (a.deleted() && !caller.hasAnyRole(cn.jincheng.brigades.common.domain.identity.Role.CITY_ADMIN,
                cn.jincheng.brigades.common.domain.identity.Role.CITY_INSPECTOR)) {
            throw new NotFoundException("attachment", id);
        }
        return a;
    }

    /** The brigade's county, when the caller may see the brigade; otherwise the brigade is not found. */
    private String visibleCounty(Caller caller, String brigadeId) {
        String county = records.counties(List.of(brigadeId)).get(brigadeId);
        if (county == null || !caller.sees(county)) {
            throw new NotFoundException("brigade", brigadeId);
        }
        return county;
    }

    /**
     * Records an upload whose bytes are all kept: reads its EXIF, makes the thumbnail and the copy
     * without location, then writes the metadata with its audit entry.
     */
    IncomingFile.Stored record(IncomingFile file, String contentType, long size, String sha256) {
        String id = file.id();
        PhotoProcessing.Facts facts = PhotoProcessing.Facts.NONE;
        boolean thumbnail = false;
        try {
            if (contentType.equals(ContentSniffer.JPEG) || contentType.equals(ContentSniffer.PNG)) {
                try (InputStream in = original(id)) {
                    facts = photos.facts(in);
                }
                thumbnail = storeThumbnail(id, facts.orientation());
                if (facts.gps() != null) {
                    storeWithoutLocation(id, contentType);
                }
            }
        } catch (IOException e) {
            store.discardFiles(id);
            throw IncomingFile.unsupported("the photo could not be read: " + e.getMessage());
        }
        UploadHeader header = file.header();
        Attachment attachment = new Attachment(id, header.brigadeId(), header.kind(), header.recordId(), contentType,
                size, sha256, file.name(), file.caller().subject(), time.now(), facts.capturedAt(), facts.gps(),
                thumbnail, null, null, header.idempotencyKey());
        AuditEntry entry = AuditEntry.of(file.caller(), attachment.uploadedAt(), header.brigadeId(), "attachment.add",
                null, view(attachment), request(header, file.name()));
        Attachment recorded = store.insert(attachment, entry);
        if (!recorded.id().equals(id)) { // the same key was recorded meanwhile by a concurrent retry
            store.discardFiles(id);
            file.giveBackRoom();
            return IncomingFile.replay(recorded, sha256);
        }
        file.settleRoom(size);
        return new IncomingFile.Stored(attachment, false);
    }

    void discard(String id) {
        store.discardFiles(id);
    }

    void settle(IncomingFile file, long reserved, long size) {
        room.settle(file.header().place(), file.id(), reserved, size);
    }

    void release(IncomingFile file, long reserved) {
        room.release(file.header().place(), file.id(), reserved);
    }

    AttachmentStore.FileUpload upload(String id, String name, String contentType) {
        return store.upload(id, Variant.ORIGINAL, name, contentType);
    }

    String sniff(byte[] head, int length, String name) {
        return sniffer.allowedType(head, length, name);
    }

    private InputStream original(String id) {
        return store.open(id, Variant.ORIGINAL).orElseThrow(() -> new IllegalStateException("file " + id + " vanished"));
    }

    private boolean storeThumbnail(String id, int orientation) throws IOException {
        ByteArrayOutputStream thumbnail = new ByteArrayOutputStream();
        try (InputStream in = original(id)) {
            if (!photos.thumbnail(in, orientation, thumbnail)) {
                return false;
            }
        }
        write(id, Variant.THUMBNAIL, "thumbnail.jpg", ContentSniffer.JPEG, thumbnail.toByteArray());
        return true;
    }

    private void storeWithoutLocation(String id, String contentType) throws IOException {
        byte[] photo;
        try (InputStream in = original(id)) {
            photo = in.readAllBytes(); // at most one file's cap
        }
        write(id, Variant.WITHOUT_LOCATION, "without-location", contentType, photos.withoutMetadata(contentType, photo));
    }

    private void write(String id, Variant variant, String name, String type, byte[] bytes) {
        AttachmentStore.FileUpload upload = store.upload(id, variant, name, type);
        upload.write(bytes, 0, bytes.length);
        upload.finish();
    }

    private static Map<String, Object> view(Attachment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.id());
        view.put("recordKind", a.recordKind().name());
        view.put("recordId", a.recordId());
        view.put("contentType", a.contentType());
        view.put("size", a.size());
        view.put("sha256", a.sha256());
        view.put("originalName", a.originalName());
        if (a.deleted()) {
            view.put("deletedBy", a.deletedBy());
            view.put("deletedAt", a.deletedAt().toString());
        }
        return view;
    }

    private static Map<String, Object> request(UploadHeader header, String name) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("recordKind", header.kind().name());
        request.put("recordId", header.recordId());
        request.put("originalName", name);
        return request;
    }

    /** The file's own name, without any path, control characters or more than 200 characters. */
    static String sanitize(String name) {
        if (name == null) {
            return "file";
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.codePoints().filter(c -> !Character.isISOControl(c) && c != '"')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            return "file";
        }
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    static RuntimeException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
