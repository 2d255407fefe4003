package cn.jincheng.brigades.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.errors.AccessDeniedException;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;
import cn.jincheng.brigades.common.domain.errors.UnacceptableContentException;
import cn.jincheng.brigades.common.domain.evidence.AttachableRecords;
import cn.jincheng.brigades.common.domain.evidence.Attachment;
import cn.jincheng.brigades.common.domain.evidence.EvidenceLimits;
import cn.jincheng.brigades.common.domain.evidence.EvidenceRoom;
import cn.jincheng.brigades.common.domain.evidence.EvidenceService;
import cn.jincheng.brigades.common.domain.evidence.IncomingFile;
import cn.jincheng.brigades.common.domain.evidence.RecordKind;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.testing.LocalResources;
import cn.jincheng.brigades.common.testing.TestImages;
import cn.jincheng.brigades.common.testing.TestTime;
import cn.jincheng.brigades.standin.StandInServer;

/** Evidence in GridFS on the stand-in server, through the real driver: upload, caps, locations, delete, audit. */
class EvidenceStoreTest {

    private static final Caller CLERK = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");
    private static final Caller OTHER_CLERK = new Caller("clerk-gaoping", Role.COUNTY_CLERK, "gaoping");
    private static final Caller FIRE = new Caller("firedept", Role.FIRE_DEPT, null);
    private static final Caller INSPECTOR = new Caller("inspector", Role.CITY_INSPECTOR, null);

    private static final EvidenceRoom.Place M1 = new EvidenceRoom.Place("b1", RecordKind.MILESTONE_SUBMISSION, "m1");

    private StandInServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AuditTrail trail;
    private GridFsAttachmentStore store;
    private MongoEvidenceRoom room;

    @BeforeEach
    void start() {
        server = StandInServer.start(LocalResources.tempDir("evidence-test"), "127.0.0.1", 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("evidence");
        trail = TestAuditKeys.trail(database);
        store = new GridFsAttachmentStore(database, new AuditOutbox(trail));
        room = new MongoEvidenceRoom(database, java.time.Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** Brigade b1 of zezhou with milestone m1; b2 of gaoping. */
    private static final AttachableRecords RECORDS = new AttachableRecords() {
        @Override
        public Set<RecordKind> kinds() {
            return Set.of(RecordKind.MILESTONE_SUBMISSION, RecordKind.HOUSING);
        }

        @Override
        public Map<String, String> counties(Collection<String> ids) {
            Map<String, String> known = new HashMap<>();
            ids.forEach(id -> {
                if (id.equals("b1")) {
                    known.put(id, "zezhou");
                } else if (id.equals("b2")) {
                    known.put(id, "gaoping");
                }
            });
            return known;
        }

        @Override
        public boolean exists(String brigadeId, String countyId, RecordKind kind, String recordId) {
            return kind == RecordKind.HOUSING ? recordId.equals(brigadeId) : recordId.equals("m1");
        }
    };

    private EvidenceService service(EvidenceLimits limits) {
        return new EvidenceService(store, room, RECORDS, new ObjectIdRecordIds(), TestTime.timeSource(), limits);
    }

    private static IncomingFile.Stored upload(EvidenceService service, Caller caller, String name, byte[] bytes,
            String key) {
        return upload(service, caller, name, bytes, key, 0);
    }

    private static IncomingFile.Stored upload(EvidenceService service, Caller caller, String name, byte[] bytes,
            String key, long maxSize) {
        IncomingFile file = service.begin(caller,
                new EvidenceService.UploadHeader("b1", RecordKind.MILESTONE_SUBMISSION, "m1", name, key, maxSize));
        try {
            for (int at = 0; at < bytes.length; at += 1000) {
                file.accept(java.util.Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 1000)));
            }
            return file.finish();
        } catch (RuntimeException e) {
            file.abandon();
            throw e;
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private long gridFsFiles() {
        return database.getCollection("attachments.files").countDocuments();
    }

    @Test
    void aPhotoIsStoredStreamedWithItsHashTypeExifThumbnailAndAuditEntry() throws Exception {
        EvidenceService service = service(EvidenceLimits.DEFAULT);
        byte[] photo = TestImages.jpegWithGps(1600, 1200, 35.49, 112.85);
        Attachment a = upload(service, CLERK, "C:\\phone\\DCIM\\现场.jpg", photo, null).attachment();

        assertThat(a.contentType()).isEqualTo("image/jpeg");
        assertThat(a.size()).isEqualTo(photo.length);
        assertThat(a.sha256()).isEqualTo(sha256(photo));
        assertThat(a.originalName()).isEqualTo("现场.jpg");
        assertThat(a.gps().lat()).isCloseTo(35.49, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(a.capturedAt()).isEqualTo(java.time.Instant.parse("2019-08-01T02:30:00Z")); // business zone +8
        assertThat(a.hasThumbnail()).isTrue();

        try (InputStream in = service.open(CLERK, a.id(), false).content()) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
        try (InputStream in = service.open(CLERK, a.id(), true).content()) {
            var thumbnail = ImageIO.read(in);
            assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(320);
        }
        List<AuditEntry> entries = trail.list("b1", null, null, 10);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("attachment.add");
        assertThat(entries.get(0).after()).containsEntry("sha256", sha256(photo));
        // GridFS's own chunk index came with the first file, on the stand-in too
        assertThat(database.getCollection("attachments.chunks").listIndexes().into(new java.util.ArrayList<Document>()))
                .anyMatch(i -> i.get("key", Document.class).containsKey("files_id"));
    }

    @Test
    void whoMayNotSeeLocationsGetsThePhotoWithoutItsGpsAndTheMetadataWithoutIt() throws Exception {
        EvidenceService service = service(EvidenceLimits.DEFAULT);
        byte[] photo = TestImages.jpegWithGps(400, 300, 35.49, 112.85);
        Attachment a = upload(service, CLERK, "site.jpg", photo, null).attachment();

        EvidenceService.Download forFire = service.open(FIRE, a.id(), false);
        byte[] served = forFire.content().readAllBytes();
        assertThat(forFire.attachment().gps()).isNull();
        assertThat(forFire.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(served))
                .getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(400);
        assertThat(service.list(FIRE, "b1", null, null, false)).extracting(Attachment::gps).containsOnlyNulls();

        assertThat(service.open(INSPECTOR, a.id(), false).content().readAllBytes()).isEqualTo(photo);
        assertThat(service.list(INSPECTOR, "b1", null, null, false).get(0).gps()).isNotNull();
    }

    @Test
    void capsAreEnforcedWhileTheBytesArriveAndARefusedFileLeavesNothing() {
        EvidenceService service = service(new EvidenceLimits(20_000, 2, 1_000_000));
        byte[] big = TestImages.jpeg(1200, 900);
        assertThat(big.length).isGreaterThan(20_000);
        assertThatThrownBy(() -> upload(service, CLERK, "big.jpg", big, null))
                .isInstanceOfSatisfying(UnacceptableContentException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnacceptableContentException.Reason.TOO_LARGE));
        assertThat(gridFsFiles()).isZero();
        assertThat(database.getCollection("attachments.chunks").countDocuments()).isZero();
        assertThat(room.usage(M1)).as("the refused upload gave its place back").isEqualTo(new EvidenceRoom.Usage(0, 0));

        upload(service, CLERK, "1.jpg", TestImages.jpeg(40, 30), null);
        upload(service, CLERK, "2.jpg", TestImages.jpeg(40, 30), null);
        assertThatThrownBy(() -> upload(service, CLERK, "3.jpg", TestImages.jpeg(40, 30), null))
                .isInstanceOfSatisfying(UnacceptableContentException.class,
                        e -> assertThat(e.getMessage()).contains("2 files"));
    }

    @Test
    void aDisguisedPageIsRefusedAndNothingIsKept() {
        EvidenceService service = service(EvidenceLimits.DEFAULT);
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes();
        assertThatThrownBy(() -> upload(service, CLERK, "photo.jpg", html, null))
                .isInstanceOfSatisfying(UnacceptableContentException.class,
                        e -> assertThat(e.getMessage()).contains("text/html"));
        assertThat(gridFsFiles()).isZero();
        assertThat(trail.list("b1", null, null, 10)).isEmpty();
    }

    @Test
    void anotherCountysClerkFindsNothingToReadOrWriteAndTheFireDepartmentMayNotAttachToAMilestone() {
        EvidenceService service = service(EvidenceLimits.DEFAULT);
        Attachment a = upload(service, CLERK, "site.jpg", TestImages.jpeg(40, 30), null).attachment();

        assertThatThrownBy(() -> upload(service, OTHER_CLERK, "x.jpg", TestImages.jpeg(40, 30), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.open(OTHER_CLERK, a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(OTHER_CLERK, a.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.list(OTHER_CLERK, "b1", null, null, false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> upload(service, FIRE, "x.jpg", TestImages.jpeg(40, 30), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRetryWithTheSameKeyStoresNothingNewAndADifferentFileUnderItIsAConflict() throws Exception {
        EvidenceService service = service(EvidenceLimits.DEFAULT);
        byte[] photo = TestImages.png(60, 40);
        IncomingFile.Stored first = upload(service, CLERK, "p.png", photo, "offline-1");
        IncomingFile.Stored again = upload(service, CLERK, "p.png", photo, "offline-1");
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.attachment().id()).isEqualTo(first.attachment().id());
        assertThat(service.list(CLERK, "b1", null, null, false)).hasSize(1);
        assertThat(gridFsFiles()).isEqualTo(2); // the original and its thumbnail, once
        assertThatThrownBy(() -> upload(service, CLERK, "q.png", TestImages.png(61, 40), "offline-1"))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void deletingMarksTheAttachmentWhichOnlyInspectorsStillSeeAndTheAuditRecords() throws IOException {
        EvidenceService service = service(EvidenceLimits.DEFAULT);
        Attachment a = upload(service, CLERK, "site.jpg", TestImages.jpeg(40, 30), null).attachment();
        assertThat(service.counts(INSPECTOR, null)).containsEntry("b1", 1L);

        Attachment deleted = service.delete(CLERK, a.id());
        assertThat(deleted.deletedBy()).isEqualTo("clerk-zezhou");
        assertThat(service.list(CLERK, "b1", RecordKind.MILESTONE_SUBMISSION, "m1", false)).isEmpty();
        assertThat(service.list(INSPECTOR, "b1", RecordKind.MILESTONE_SUBMISSION, "m1", true))
                .extracting(Attachment::deletedBy).containsExactly("clerk-zezhou");
        assertThatThrownBy(() -> service.list(CLERK, "b1", null, null, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.open(CLERK, a.id(), false)).isInstanceOf(NotFoundException.class);
        assertThat(service.counts(INSPECTOR, null)).doesNotContainKey("b1");
        assertThat(room.usage(M1)).as("a deleted attachment frees its place").isEqualTo(new EvidenceRoom.Usage(0, 0));
        assertThat(trail.list("b1", null, null, 10)).extracting(AuditEntry::action)
                .containsExactly("attachment.delete", "attachment.add");
        assertThat(trail.verify().verified()).isTrue();
    }

    /** A PDF of exactly {@code size} bytes (typed by its first bytes; no thumbnail to make). */
    private static byte[] pdf(int size, int seed) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) ('a' + seed % 26));
        byte[] head = "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** Runs the uploads all at once, each on its own thread: what each stored, or the exception that refused it. */
    private static List<Object> concurrently(List<java.util.concurrent.Callable<Object>> uploads) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(uploads.size());
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(uploads.size());
        try {
            List<java.util.concurrent.Future<Object>> outcomes = new java.util.ArrayList<>();
            for (var upload : uploads) {
                outcomes.add(threads.submit(() -> {
                    together.await();
                    try {
                        return upload.call();
                    } catch (RuntimeException refused) {
                        return refused;
                    }
                }));
            }
            List<Object> results = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private long storedBytes(EvidenceService service) {
        return service.list(CLERK, "b1", RecordKind.MILESTONE_SUBMISSION, "m1", false).stream().mapToLong(Attachment::size).sum();
    }

    @Test
    void concurrentUploadsToOneRecordNeverExceedItsCapAndTheRefusedOnesAreToldWhy() throws Exception {
        // room for five files of 50,000 bytes as the gateway declares them (the body's length, a bit more)
        EvidenceService service = service(new EvidenceLimits(100_000, 50, 300_000));
        List<java.util.concurrent.Callable<Object>> uploads = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] file = pdf(50_000, i);
            String name = "scan-" + i + ".pdf";
            uploads.add(() -> upload(service, CLERK, name, file, null, 50_200));
        }
        List<Object> outcomes = concurrently(uploads);

        List<Object> stored = outcomes.stream().filter(IncomingFile.Stored.class::isInstance).toList();
        List<Object> refused = outcomes.stream().filter(o -> !(o instanceof IncomingFile.Stored)).toList();
        assertThat(stored).as("exactly the five that fit").hasSize(5);
        assertThat(refused).hasSize(11).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(UnacceptableContentException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(UnacceptableContentException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("at most 292 KB together");
                }));
        assertThat(storedBytes(service)).isEqualTo(250_000).isLessThanOrEqualTo(300_000);
        assertThat(room.usage(M1)).as("the room counts what is stored, nothing reserved is left")
                .isEqualTo(new EvidenceRoom.Usage(5, 250_000));
        assertThat(database.getCollection(MongoEvidenceRoom.COLLECTION).find().first().get("pending", Document.class)).isEmpty();
        assertThat(gridFsFiles()).as("a refused upload kept no file").isEqualTo(5);
        assertThat(trail.list("b1", null, null, 50)).hasSize(5);
    }

    @Test
    void uploadsThatDoNotSayTheirSizeShareTheRoomLeftAndStillNeverExceedTheCap() throws Exception {
        EvidenceService service = service(new EvidenceLimits(100_000, 50, 300_000));
        upload(service, CLERK, "first.pdf", pdf(30_000, 99), null); // 30,000 bytes stored before
        List<java.util.concurrent.Callable<Object>> uploads = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] file = pdf(45_000 + i * 1_000, i);
            uploads.add(() -> upload(service, CLERK, "unknown-size.pdf", file, null));
        }
        List<Object> outcomes = concurrently(uploads);

        long storedNow = outcomes.stream().filter(IncomingFile.Stored.class::isInstance).count();
        assertThat(storedNow).as("at least what one file's cap each allows at once").isGreaterThanOrEqualTo(2);
        assertThat(storedBytes(service)).isLessThanOrEqualTo(300_000);
        assertThat(room.usage(M1).bytes()).isEqualTo(storedBytes(service));
        assertThat(room.usage(M1).files()).isEqualTo(1 + (int) storedNow);
        assertThat(outcomes).filteredOn(o -> !(o instanceof IncomingFile.Stored))
                .allSatisfy(o -> assertThat(o).isInstanceOf(UnacceptableContentException.class));
    }

    @Test
    void aReservationLeftByAStoppedServiceIsGivenBackOnceItIsStaleAndOnlyThen() {
        EvidenceService service = service(new EvidenceLimits(100_000, 50, 300_000));
        java.time.Instant now = TestTime.timeSource().now();
        // a service stopped mid-upload 30 minutes ago: still an upload under way, the record is full
        assertThat(room.reserve(M1, "0123456789abcdef01234567", 300_000, now.minusSeconds(1800), 50, 300_000)).isTrue();
        assertThatThrownBy(() -> upload(service, CLERK, "a.pdf", pdf(10_000, 1), null, 10_200))
                .isInstanceOf(UnacceptableContentException.class);

        // one stopped two hours ago: its place is taken back for the new upload
        room.release(M1, "0123456789abcdef01234567", 300_000);
        assertThat(room.reserve(M1, "fedcba9876543210fedcba98", 300_000, now.minusSeconds(7200), 50, 300_000)).isTrue();
        upload(service, CLERK, "b.pdf", pdf(10_000, 2), null, 10_200);
        assertThat(room.usage(M1)).isEqualTo(new EvidenceRoom.Usage(1, 10_000));
    }

    @Test
    void theRoomOfARecordWithEvidenceFromBeforeStartsFromItsAttachments() {
        EvidenceService service = service(new EvidenceLimits(100_000, 3, 300_000));
        upload(service, CLERK, "1.pdf", pdf(20_000, 1), null, 20_000);
        upload(service, CLERK, "2.pdf", pdf(20_000, 2), null, 20_000);
        database.getCollection(MongoEvidenceRoom.COLLECTION).drop(); // as before this collection existed
        assertThat(room.usage(M1)).isEqualTo(new EvidenceRoom.Usage(2, 40_000));
        upload(service, CLERK, "3.pdf", pdf(20_000, 3), null, 20_000);
        assertThatThrownBy(() -> upload(service, CLERK, "4.pdf", pdf(20_000, 4), null, 20_000))
                .isInstanceOfSatisfying(UnacceptableContentException.class, e -> assertThat(e.getMessage()).contains("3 files"));
    }
}
