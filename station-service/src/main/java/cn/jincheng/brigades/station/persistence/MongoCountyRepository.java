package cn.jincheng.brigades.station.persistence;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.station.domain.County;
import cn.jincheng.brigades.station.domain.CountyRepository;

/**
 * Counties: reference data, in the order the plan lists them ({@code seq}). Only the seeder writes
 * them, so they are read once and kept; every brigade answer names its county from here.
 */
@Repository
class MongoCountyRepository implements CountyRepository {

    private final MongoCollection<Document> counties;
    private volatile List<County> cached;

    MongoCountyRepository(MongoDatabase database) {
        this.counties = database.getCollection("counties");
    }

    @Override
    public List<County> findAll() {
        List<County> known = cached;
        if (known == null) {
            List<County> result = new ArrayList<>();
            counties.find().sort(new Document("seq", 1).append("_id", 1)).forEach(d -> result.add(county(d)));
            known = List.copyOf(result);
            cached = known;
        }
        return known;
    }

    @Override
    public Optional<County> find(String id) {
        return findAll().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    @Override
    public boolean insertIfAbsent(County county) {
        cached = null;
        return MongoWrites.insertIfAbsent(counties, new Document("_id", county.id()).append("name", county.name())
                    .append("kind", county.kind()).append("seq", counties.countDocuments()));
    }

    private static County county(Document d) {
        return new County(d.getString("_id"), d.getString("name"), d.getString("kind"));
    }
}
