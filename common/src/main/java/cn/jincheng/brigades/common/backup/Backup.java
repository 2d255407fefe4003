package cn.jincheng.brigades.common.backup;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.audit.AuditChain;
import cn.jincheng.brigades.common.audit.AuditTrail;
import cn.jincheng.brigades.common.mongo.EmbeddedMongoServer;

/**
 * Backup and restore of the embedded stores: every collection of every service's database as JSON
 * lines (MongoDB extended JSON, so dates, longs and doubles come back as they were and the audit
 * hashes still verify), one file per collection under {@code <backup>/<database>/}. The system
 * must be stopped (each store is one file a running service holds). Against a real MongoDB, use
 * mongodump/mongorestore instead.
 *
 * <pre>
 * export  DATA_DIR BACKUP_DIR   write every database found in DATA_DIR
 * restore BACKUP_DIR DATA_DIR   load into an empty DATA_DIR, then re-verify every audit chain
 * </pre>
 */
public final class Backup {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private Backup() {
    }

    public static void main(String[] args) throws IOException {
        // a command-line tool: the store's and driver's INFO lines are noise here
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        if (args.length != 3 || !(args[0].equals("export") || args[0].equals("restore"))) {
            System.err.println("usage: export DATA_DIR BACKUP_DIR | restore BACKUP_DIR DATA_DIR");
            System.exit(2);
        }
        if (args[0].equals("export")) {
            exportAll(Path.of(args[1]), Path.of(args[2]));
        } else {
            List<String> problems = restoreAll(Path.of(args[1]), Path.of(args[2]));
            if (!problems.isEmpty()) {
                problems.forEach(System.err::println);
                System.exit(1);
            }
        }
    }

    /** Writes every database (store file) of the data directory; returns the documents written. */
    public static long exportAll(Path dataDir, Path backupDir) throws IOException {
        long written = 0;
        for (String database : databases(dataDir)) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, database);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                MongoDatabase db = client.getDatabase(database);
                Path dir = Files.createDirectories(backupDir.resolve(database));
                for (String collection : db.listCollectionNames()) {
                    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(collection + ".jsonl"),
                            StandardCharsets.UTF_8)) {
                        for (Document d : db.getCollection(collection).find()) {
                            out.write(d.toJson(EXTENDED));
                            out.newLine();
                            written++;
                        }
                    }
                }
            }
            System.out.println("exported " + database);
        }
        return written;
    }

    /**
     * Loads a backup into an empty data directory and re-verifies each database's audit chains.
     *
     * @return what did not verify (empty when all is well)
     */
    public static List<String> restoreAll(Path backupDir, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(backupDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String database = dir.getFileName().toString();
                if (Files.exists(dataDir.resolve(database + ".mv.db"))) {
                    throw new IllegalStateException(dataDir.resolve(database + ".mv.db") + " exists: restore into an empty data directory");
                }
                try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir, database);
                        MongoClient client = MongoClients.create(server.connectionString())) {
                    MongoDatabase db = client.getDatabase(database);
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                            load(db.getCollection(file.getFileName().toString().replace(".jsonl", "")), file);
                        }
                    }
                    AuditChain.Verification v = new AuditTrail(db).verify();
                    System.out.println("restored " + database + ": " + v.entries() + " audit entries in " + v.chains()
                            + " chains, " + (v.verified() ? "verified" : "BROKEN"));
                    if (!v.verified()) {
                        problems.add(database + ": audit chain broken at " + v.broken());
                    }
                }
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
                if (batch.size() == 1000) {
                    collection.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    private static List<String> databases(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".mv.db"))
                    .map(n -> n.substring(0, n.length() - ".mv.db".length())).sorted().toList();
        }
    }
}
