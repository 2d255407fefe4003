package cn.jincheng.brigades.common.persistence;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import cn.jincheng.brigades.common.domain.directory.BrigadeDirectory;
import cn.jincheng.brigades.common.domain.directory.DirectoryCopy;

/**
 * This service's copy of the brigade directory, one document per brigade ({@code _id} the brigade,
 * its county). Added to by upserts that never overwrite (a brigade never changes county), read by
 * id with the answers kept in a bounded cache: a brigade's county is a fact that does not change.
 */
public final class MongoBrigadeDirectory implements BrigadeDirectory, DirectoryCopy {

    static final String COLLECTION = "brigadeDirectory";
    private static final String COUNTY = "countyId";

    private final MongoCollection<Document> directory;
    private final Cache<String, String> counties = Caffeine.newBuilder().maximumSize(100_000).build();

    public MongoBrigadeDirectory(MongoDatabase database) {
        this.directory = database.getCollection(COLLECTION);
    }

    @Override
    public Map<String, String> knownCounties(Collection<String> brigadeIds) {
        Map<String, String> known = new HashMap<>(counties.getAllPresent(brigadeIds));
        List<String> missing = brigadeIds.stream().filter(id -> !known.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            directory.find(in("_id", missing)).batchSize(1000).forEach(d -> {
                known.put(d.getString("_id"), d.getString(COUNTY));
                counties.put(d.getString("_id"), d.getString(COUNTY));
            });
        }
        return known;
    }

    @Override
    public int add(Map<String, String> countyByBrigade) {
        if (countyByBrigade.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> upserts = new ArrayList<>();
        countyByBrigade.forEach((brigade, county) -> upserts.add(new UpdateOneModel<>(eq("_id", brigade),
                Updates.setOnInsert(COUNTY, county), new UpdateOptions().upsert(true))));
        return directory.bulkWrite(upserts).getUpserts().size();
    }

    @Override
    public long size() {
        return directory.countDocuments();
    }
}
