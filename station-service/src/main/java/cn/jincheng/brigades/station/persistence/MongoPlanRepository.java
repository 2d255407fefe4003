package cn.jincheng.brigades.station.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.station.domain.Plan;
import cn.jincheng.brigades.station.domain.PlanRepository;

@Repository
class MongoPlanRepository implements PlanRepository {

    private final MongoCollection<Document> plans;

    MongoPlanRepository(MongoDatabase database) {
        this.plans = database.getCollection("plans");
    }

    @Override
    public Optional<Plan> find(String id) {
        return Optional.ofNullable(plans.find(eq("_id", id)).first()).map(PlanCodec::plan);
    }

    @Override
    public java.util.List<Plan> findAll() {
        java.util.List<Plan> result = new java.util.ArrayList<>();
        plans.find().forEach(d -> result.add(PlanCodec.plan(d)));
        return result;
    }

    @Override
    public boolean insertIfAbsent(Plan plan) {
        return MongoWrites.insertIfAbsent(plans, PlanCodec.document(plan));
    }

    @Override
    public boolean replaceIfChanged(Plan plan) {
        Document wanted = PlanCodec.document(plan);
        Document stored = plans.find(eq("_id", plan.id())).first();
        if (wanted.equals(stored)) {
            return false;
        }
        plans.replaceOne(eq("_id", plan.id()), wanted, new ReplaceOptions().upsert(true));
        return true;
    }
}
