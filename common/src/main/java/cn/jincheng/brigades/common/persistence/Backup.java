package cn.jincheng.brigades.common.persistence;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.domain.audit.AuditLog;


/**
 * Backup and restore through the MongoDB driver: every collection of every database of a server
 * (the stand-in, or any MongoDB) as JSON lines in MongoDB extended JSON, so that dates, longs and
 * doubles come back as they were and the audit hashes still verify; one file per collection under
 * {@code <backup>/<database>/}. A restore goes into databases that are empty and re-verifies every
 * audit chain. On a replica set, mongodump/mongorestore do the same with the oplog.
 *
 * <pre>
 * export  MONGODB_URI BACKUP_DIR
 * restore BACKUP_DIR MONGODB_URI
 * </pre>
 */
public final class Backup {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");
    private static final int BATCH = 1000;

    private Backup() {
    }

    public static void main(String[] args) throws IOException {
        // a command-line tool: the driver's INFO lines are noise here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        if (args.length != 3 || !(args[0].equals("export") || args[0].equals("restore"))) {
            System.err.println("usage: export MONGODB_URI BACKUP_DIR | restore BACKUP_DIR MONGODB_URI");
            System.exit(2);
        }
        if (args[0].equals("export")) {
            try (MongoClient client = MongoClients.create(args[1])) {
                exportAll(client, Path.of(args[2]));
            }
        } else {
            try (MongoClient client = MongoClients.create(args[2])) {
                List<String> problems = restoreAll(Path.of(args[1]), client);
                if (!problems.isEmpty()) {
                    problems.forEach(System.err::println);
                    System.exit(1);
                }
            }
        }
    }

    /** Writes every database of the server; returns the documents written. */
    public static long exportAll(MongoClient client, Path backupDir) throws IOException {
        long written = 0;
        for (String database : client.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(database)) {
                continue;
            }
            MongoDatabase db = client.getDatabase(database);
            Path dir = Files.createDirectories(backupDir.resolve(database));
            for (String collection : db.listCollectionNames()) {
                try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(collection + ".jsonl"), StandardCharsets.UTF_8)) {
                    for (Document d : db.getCollection(collection).find().batchSize(BATCH)) {
                        out.write(d.toJson(EXTENDED));
                        out.newLine();
                        written++;
                    }
                }
            }
            System.out.println("exported " + database);
        }
        return written;
    }

    /**
     * Loads a backup into databases of the server that hold nothing yet, and re-verifies each
     * database's audit chains.
     *
     * @return what did not verify (empty when all is well)
     */
    public static List<String> restoreAll(Path backupDir, MongoClient client) throws IOException {
        return restoreAll(backupDir, client, AuditKeys.fromEnvironment());
    }

    /** As {@link #restoreAll(Path, MongoClient)}, verifying the chains' MACs with the given keys. */
    public static List<String> restoreAll(Path backupDir, MongoClient client, AuditKeys keys) throws IOException {
        List<Path> databases;
        try (Stream<Path> dirs = Files.list(backupDir)) {
            databases = dirs.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : databases) {
            MongoDatabase db = client.getDatabase(dir.getFileName().toString());
            if (db.listCollectionNames().first() != null) {
                throw new IllegalStateException("database '" + db.getName()
                        + "' already holds data: restore into an empty data directory (or an empty deployment)");
            }
        }
        List<String> problems = new ArrayList<>();
        for (Path dir : databases) {
            MongoDatabase db = client.getDatabase(dir.getFileName().toString());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                    load(db.getCollection(file.getFileName().toString().replace(".jsonl", "")), file);
                }
            }
            AuditLog.Verification v = new AuditTrail(db, keys, cn.jincheng.brigades.common.domain.time.TimeSource.systemClock()).verify();
            System.out.println("restored " + db.getName() + ": " + v.entries() + " audit entries in " + v.chains()
                    + " chains, " + (v.verified() ? "verified" : "BROKEN"));
            if (!v.verified()) {
                problems.add(db.getName() + ": audit chain broken at " + v.broken());
            }
        }
        return problems;
    }

    private static void load(MongoCollection<Document> collection, Path file) throws IOException {
        List<Document> batch = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null;) {
                if (!line.isBlank()) {
                    batch.add(Document.parse(line));
                }
                if (batch.size() == BATCH) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }
}
