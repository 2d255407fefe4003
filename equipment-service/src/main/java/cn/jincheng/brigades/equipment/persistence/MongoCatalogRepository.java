package cn.jincheng.brigades.equipment.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogRepository;

/**
 * Catalog versions, one document each, keyed {@code <version>}: publishing a version that exists
 * fails, so two concurrent publications cannot both become version N. Old versions stay readable.
 */
@Repository
class MongoCatalogRepository implements CatalogRepository {

    private final MongoCollection<Document> catalogs;

    MongoCatalogRepository(MongoDatabase database) {
        this.catalogs = database.getCollection("catalogs");
        catalogs.createIndex(Indexes.descending("version"));
    }

    @Override
    public Optional<Catalog> latest() {
        return Optional.ofNullable(catalogs.find().sort(Sorts.descending("version")).first()).map(CatalogCodec::catalog);
    }

    @Override
    public Optional<Catalog> version(int version) {
        return Optional.ofNullable(catalogs.find(eq("_id", version)).first()).map(CatalogCodec::catalog);
    }

    @Override
    public List<Catalog> headers() {
        List<Catalog> result = new ArrayList<>();
        catalogs.find().projection(Projections.exclude("vehicleTypes", "items", "rules"))
                .sort(Sorts.descending("version")).forEach(d -> result.add(CatalogCodec.catalog(d)));
        return result;
    }

    @Override
    public boolean insert(Catalog c) {
        return MongoWrites.insertIfAbsent(catalogs, CatalogCodec.document(c));
    }
}
