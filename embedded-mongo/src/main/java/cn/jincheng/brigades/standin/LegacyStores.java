package cn.jincheng.brigades.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;

/**
 * Data directories from before the stand-in was a server: each service kept its own store file,
 * {@code DATA_DIR/<service database>.mv.db}. At start every such file is opened on a private port,
 * its databases are copied document by document (indexes included) into the stand-in, and the file
 * is renamed {@code .moved}, so that nothing a user entered is left behind and a second start does
 * not copy it again. A database the stand-in already holds is never overwritten.
 */
final class LegacyStores {

    private static final Logger log = LoggerFactory.getLogger(LegacyStores.class);
    private static final int BATCH = 1000;

    private LegacyStores() {
    }

    static void moveInto(Path dataDir, String standIn) {
        for (Path file : legacyFiles(dataDir)) {
            try (StandInServer legacy = StandInServer.open(file, "127.0.0.1", 0);
                    MongoClient from = MongoClients.create(legacy.connectionString());
                    MongoClient to = MongoClients.create(standIn)) {
                for (String name : from.listDatabaseNames()) {
                    copyDatabase(from.getDatabase(name), to.getDatabase(name), file);
                }
            }
            rename(file);
        }
    }

    private static List<Path> legacyFiles(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mv.db") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
    }

    private static void copyDatabase(MongoDatabase from, MongoDatabase to, Path file) {
        List<String> present = to.listCollectionNames().into(new ArrayList<>());
        if (!present.isEmpty()) {
            log.warn("Not moving database '{}' from {}: the stand-in already holds it", from.getName(), file);
            return;
        }
        long documents = 0;
        for (String collection : from.listCollectionNames()) {
            documents += copyCollection(from.getCollection(collection), to.getCollection(collection));
        }
        log.info("Moved database '{}' ({} documents) from {} into the stand-in", from.getName(), documents, file);
    }

    private static long copyCollection(MongoCollection<Document> from, MongoCollection<Document> to) {
        for (Document index : from.listIndexes()) {
            Document keys = index.get("key", Document.class);
            if (!keys.keySet().equals(java.util.Set.of("_id"))) {
                to.createIndex(keys, new IndexOptions().name(index.getString("name"))
                        .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false)));
            }
        }
        long copied = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        for (Document document : from.find().batchSize(BATCH)) {
            batch.add(document);
            if (batch.size() == BATCH) {
                to.insertMany(batch);
                copied += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            to.insertMany(batch);
            copied += batch.size();
        }
        return copied;
    }

    private static void rename(Path file) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".moved"));
        } catch (IOException e) {
            throw new UncheckedIOException("moved " + file + " into the stand-in but could not rename it", e);
        }
    }
}
