package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import cn.jincheng.brigades.common.domain.evidence.EvidenceRoom;

/**
 * The records' room for evidence in {@code evidence_room}: one small document per record with the
 * files and bytes it holds, counting the uploads under way, each of which is also listed under
 * {@code pending.<upload id>} with what it reserved and when. Every change is a single-document
 * update, and reserving is one conditional {@code $inc} whose filter asks for room
 * ({@code files < maxFiles}, {@code bytes <= maxBytes - size}): the server applies it to one
 * document at a time, so concurrent uploads (in one service or several replicas) cannot both take
 * the last room, on a replica set and on the stand-in alike. No transaction is needed.
 * <p>
 * A service stopped in the middle of an upload leaves its reservation behind; a reservation older
 * than {@code staleAfter} is given back when it stands in the way of a new one (settled at the
 * size recorded, when the attachment was recorded before the stop). A record's document is made
 * when its first upload starts, from the attachments it already has.
 */
public final class MongoEvidenceRoom implements EvidenceRoom {

    public static final String COLLECTION = "evidence_room";
    private static final Pattern UPLOAD_ID = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

    private final MongoCollection<Document> rooms;
    private final MongoCollection<Document> evidence;
    private final Duration staleAfter;

    public MongoEvidenceRoom(MongoDatabase database, Duration staleAfter) {
        this.rooms = database.getCollection(COLLECTION);
        this.evidence = database.getCollection(GridFsAttachmentStore.COLLECTION);
        this.staleAfter = staleAfter;
    }

    @Override
    public boolean reserve(Place place, String uploadId, long bytes, Instant at, int maxFiles, long maxBytes) {
        String key = key(place);
        ensureExists(key, place);
        if (take(key, uploadId, bytes, at, maxFiles, maxBytes)) {
            return true;
        }
        return reclaim(key, at.minus(staleAfter)) > 0 && take(key, uploadId, bytes, at, maxFiles, maxBytes);
    }

    private boolean take(String key, String uploadId, long bytes, Instant at, int maxFiles, long maxBytes) {
        Bson roomLeft = and(eq("_id", key), lt("files", maxFiles), lte("bytes", maxBytes - bytes));
        Bson take = Updates.combine(Updates.inc("files", 1), Updates.inc("bytes", bytes),
                Updates.set(pending(uploadId), new Document("bytes", bytes).append("at", Date.from(at))));
        return rooms.updateOne(roomLeft, take).getModifiedCount() == 1;
    }

    @Override
    public void settle(Place place, String uploadId, long reserved, long size) {
        settle(key(place), uploadId, reserved, size);
    }

    private boolean settle(String key, String uploadId, long reserved, long size) {
        // only while the reservation is there: settling twice, or after a release, changes nothing
        return rooms.updateOne(and(eq("_id", key), exists(pending(uploadId))),
                Updates.combine(Updates.inc("bytes", size - reserved), Updates.unset(pending(uploadId))))
                .getModifiedCount() == 1;
    }

    @Override
    public void release(Place place, String uploadId, long reserved) {
        release(key(place), uploadId, reserved);
    }

    private boolean release(String key, String uploadId, long reserved) {
        return rooms.updateOne(and(eq("_id", key), exists(pending(uploadId))),
                Updates.combine(Updates.inc("files", -1), Updates.inc("bytes", -reserved), Updates.unset(pending(uploadId))))
                .getModifiedCount() == 1;
    }

    @Override
    public void free(Place place, long size) {
        // no document yet: it will be made from the attachments, which no longer count this one
        rooms.updateOne(eq("_id", key(place)), Updates.combine(Updates.inc("files", -1), Updates.inc("bytes", -size)));
    }

    @Override
    public Usage usage(Place place) {
        Document room = rooms.find(eq("_id", key(place))).first();
        return room == null ? recorded(place) : new Usage(room.get("files", Number.class).intValue(),
                room.get("bytes", Number.class).longValue());
    }

    /** Gives back the reservations made before {@code before} that were never settled nor released. @return how many */
    int reclaim(String key, Instant before) {
        Document room = rooms.find(eq("_id", key)).first();
        Document pending = room == null ? null : room.get("pending", Document.class);
        if (pending == null) {
            return 0;
        }
        int reclaimed = 0;
        for (Map.Entry<String, Object> entry : pending.entrySet()) {
            Document reservation = (Document) entry.getValue();
            if (!reservation.getDate("at").toInstant().isBefore(before)) {
                continue;
            }
            long reserved = reservation.get("bytes", Number.class).longValue();
            Document recorded = evidence.find(eq("_id", entry.getKey())).projection(Projections.include("size")).first();
            boolean changed = recorded != null
                    ? settle(key, entry.getKey(), reserved, recorded.get("size", Number.class).longValue())
                    : release(key, entry.getKey(), reserved);
            reclaimed += changed ? 1 : 0;
        }
        return reclaimed;
    }

    /**
     * Makes the record's document from the attachments it has (not deleted), once: of two uploads
     * starting together, one inserts it and the other finds the key taken.
     */
    private void ensureExists(String key, Place place) {
        if (rooms.find(eq("_id", key)).first() != null) {
            return;
        }
        Usage usage = recorded(place);
        MongoWrites.insertIfAbsent(rooms, new Document("_id", key).append("brigadeId", place.brigadeId())
                .append("recordKind", place.kind().name()).append("recordId", place.recordId())
                .append("files", usage.files()).append("bytes", usage.bytes()).append("pending", new Document()));
    }

    private Usage recorded(Place place) {
        int files = 0;
        long bytes = 0;
        for (Document d : evidence.find(and(eq("brigadeId", place.brigadeId()), eq("recordKind", place.kind().name()),
                eq("recordId", place.recordId()), eq("deletedAt", null))).projection(Projections.include("size"))) {
            files++;
            bytes += d.get("size", Number.class).longValue();
        }
        return new Usage(files, bytes);
    }

    private static String pending(String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new IllegalArgumentException("an upload id names a field here: letters, digits, _ or - only");
        }
        return "pending." + uploadId;
    }

    private static String key(Place place) {
        return place.brigadeId() + "\n" + place.kind().name() + "\n" + place.recordId();
    }
}
