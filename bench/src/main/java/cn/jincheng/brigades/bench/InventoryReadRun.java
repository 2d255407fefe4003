package cn.jincheng.brigades.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Projections;

/**
 * What reading a report's equipment holdings costs the database, three ways over the same
 * brigades, 250 at a time as equipment-service asks: every holding whole, every holding with the
 * three fields the sums need, and the aggregation equipment-service sends (sums by brigade and
 * item code, one document per brigade). Prints documents returned, wall time and the database
 * process's CPU time (from /proc) for each, twice (the first round warms up).
 * <p>
 * {@code InventoryReadRun <mongodb-uri> <database pid> <brigades>}, against a kept scale city
 * (bench/scale.sh with BENCH_KEEP=1, then the stand-in started on its data).
 */
public final class InventoryReadRun {

    private InventoryReadRun() {
    }

    public static void main(String[] args) throws IOException {
        long pid = Long.parseLong(args[1]);
        try (MongoClient client = MongoClients.create(args[0])) {
            MongoCollection<Document> items = client.getDatabase("equipment").getCollection("items");
            List<String> brigades = new ArrayList<>();
            client.getDatabase("station").getCollection("brigades").find(regex("_id", "^syn-"))
                    .projection(Projections.include("_id")).limit(Integer.parseInt(args[2]))
                    .forEach(d -> brigades.add(d.getString("_id")));
            for (int round = 1; round <= 2; round++) {
                for (String way : List.of("whole", "three fields", "aggregation")) {
                    long cpu = cpuMillis(pid);
                    long start = System.nanoTime();
                    long documents = 0;
                    for (int at = 0; at < brigades.size(); at += 250) {
                        documents += read(items, way, brigades.subList(at, Math.min(brigades.size(), at + 250)));
                    }
                    System.out.printf(Locale.ROOT, "round %d, %-12s: %,9d documents, %5.1f s, database CPU %5.1f s%n",
                            round, way, documents, (System.nanoTime() - start) / 1e9, (cpuMillis(pid) - cpu) / 1e3);
                }
            }
        }
    }

    private static long read(MongoCollection<Document> items, String way, List<String> brigades) {
        Bson unexpired = and(in("brigadeId", brigades), or(eq("expiresOn", null), gte("expiresOn", "2019-12-31")));
        Iterable<Document> answer = switch (way) {
            case "whole" -> items.find(unexpired).batchSize(1000);
            case "three fields" -> items.find(unexpired).batchSize(1000)
                    .projection(Projections.fields(Projections.include("brigadeId", "itemCode", "quantity"),
                            Projections.excludeId()));
            default -> items.aggregate(List.of(Aggregates.match(unexpired),
                    Aggregates.group(new Document("brigadeId", "$brigadeId").append("itemCode", "$itemCode"),
                            Accumulators.sum("quantity", "$quantity")),
                    Aggregates.group("$_id.brigadeId", Accumulators.push("sums",
                            new Document("itemCode", "$_id.itemCode").append("quantity", "$quantity")))))
                    .batchSize(1000);
        };
        long n = 0;
        for (Document ignored : answer) {
            n++;
        }
        return n;
    }

    /** utime + stime of a process, in milliseconds (clock ticks of 10 ms on Linux). */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }
}
