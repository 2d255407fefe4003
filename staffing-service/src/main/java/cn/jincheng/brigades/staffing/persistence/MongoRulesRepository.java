package cn.jincheng.brigades.staffing.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.staffing.domain.rules.RulesRepository;
import cn.jincheng.brigades.staffing.domain.rules.StaffingRules;

/**
 * Versions of the staffing rules, one document each keyed by version; old versions stay readable.
 * The version as {@code _id} makes publishing on a version already taken fail in the store itself.
 */
@Repository
class MongoRulesRepository implements RulesRepository {

    private final MongoCollection<Document> rules;

    MongoRulesRepository(MongoDatabase database) {
        this.rules = database.getCollection("rules");
    }

    @Override
    public Optional<StaffingRules> latest() {
        return Optional.ofNullable(rules.find().sort(Sorts.descending("_id")).first()).map(RulesCodec::rules);
    }

    @Override
    public Optional<StaffingRules> version(int version) {
        return Optional.ofNullable(rules.find(eq("_id", version)).first()).map(RulesCodec::rules);
    }

    @Override
    public boolean insert(StaffingRules r) {
        return MongoWrites.insertIfAbsent(rules, RulesCodec.document(r));
    }
}
