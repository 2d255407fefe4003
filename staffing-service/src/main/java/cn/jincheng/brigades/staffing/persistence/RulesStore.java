package cn.jincheng.brigades.staffing.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.common.persistence.MongoWrites;
import cn.jincheng.brigades.staffing.rules.RuleKind;
import cn.jincheng.brigades.staffing.rules.StaffingRule;
import cn.jincheng.brigades.staffing.rules.StaffingRules;

/** Versions of the staffing rules, one document each keyed by version; old versions stay readable. */
@Repository
public class RulesStore {

    private final MongoCollection<Document> rules;

    RulesStore(MongoDatabase database) {
        this.rules = database.getCollection("rules");
    }

    public Optional<StaffingRules> latest() {
        return Optional.ofNullable(rules.find().sort(Sorts.descending("_id")).first()).map(RulesStore::rules);
    }

    public Optional<StaffingRules> version(int version) {
        return Optional.ofNullable(rules.find(eq("_id", version)).first()).map(RulesStore::rules);
    }

    public boolean insert(StaffingRules r) {
        return MongoWrites.insertIfAbsent(rules, new Document("_id", r.version()).append("rulesId", r.id())
                .append("publishedAt", Date.from(r.publishedAt())).append("publishedBy", r.publishedBy())
                .append("note", r.note()).append("rules", r.rules().stream().map(x -> new Document("id", x.id())
                        .append("area", x.area().name()).append("severity", x.severity().name())
                        .append("kind", x.kind().name()).append("levels", x.levels()).append("tiers", x.tiers())
                        .append("min", x.min()).append("rateYuan", x.rateYuan()).append("description", x.description())
                        .append("source", x.source()).append("sourceStatus", x.sourceStatus().name())).toList()));
    }

    /** Rules from their stored form; also reads the seed file, which has the same shape. */
    public static StaffingRules rules(Document d) {
        Date published = d.getDate("publishedAt");
        return new StaffingRules(d.getString("rulesId") != null ? d.getString("rulesId") : d.getString("id"),
                d.get("_id") instanceof Integer v ? v : 0, published == null ? null : published.toInstant(),
                d.getString("publishedBy"), d.getString("note"),
                d.getList("rules", Document.class, List.of()).stream().map(r -> new StaffingRule(r.getString("id"),
                        Area.valueOf(r.getString("area")), Severity.valueOf(r.getString("severity")),
                        RuleKind.valueOf(r.getString("kind")), r.getList("levels", String.class, List.of()),
                        r.getList("tiers", String.class, List.of()), r.getInteger("min", 0),
                        ((Number) r.get("rateYuan", 0)).longValue(), r.getString("description"), r.getString("source"),
                        SourceStatus.valueOf(r.getString("sourceStatus")))).toList());
    }
}
