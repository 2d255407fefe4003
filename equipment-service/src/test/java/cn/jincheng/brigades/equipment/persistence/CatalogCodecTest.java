package cn.jincheng.brigades.equipment.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.Rule;

/** A catalog version stored before rules told how sure they are still loads, with nothing lost. */
class CatalogCodecTest {

    /** A version as the earlier code stored it: status STANDARD, no promotion reason, vehicle types without a source. */
    static Document storedBeforeTheStatusesChanged() {
        return new Document("_id", 1).append("catalogId", "jincheng-township-equipment").append("version", 1)
                .append("title", "t").append("publishedAt", new Date(0)).append("publishedBy", "seed").append("note", "n")
                .append("defaultHeadcount", 10)
                .append("vehicleTypes", List.of(new Document("code", "WATER_TANKER").append("nameZh", "水罐消防车")
                        .append("nameEn", "water tanker").append("category", "FIREFIGHTING")))
                .append("items", List.of(new Document("code", "PPE_HELMET").append("nameZh", "消防头盔")
                        .append("nameEn", "helmet").append("kind", "PPE").append("unit", "顶")))
                .append("rules", List.of(new Document("id", "ppe.helmet").append("area", "EQUIPMENT")
                        .append("severity", "REQUIRED").append("kind", "EQUIPMENT_QUANTITY")
                        .append("levels", List.of("LEVEL_ONE", "LEVEL_TWO")).append("tiers", List.of("FULL"))
                        .append("vehicleTypes", List.of()).append("vehicleCategories", List.of())
                        .append("itemCode", "PPE_HELMET").append("min", 0).append("perFirefighter", 1).append("max", null)
                        .append("description", "每名队员1顶消防头盔").append("source", "GA 621-2013 basic personal set")
                        .append("sourceStatus", "STANDARD")));
    }

    @Test
    void theOldStatusStandardReadsAsReferenceAndTheRuleCountsAsAdvisoryUntilPromoted() {
        Catalog c = CatalogCodec.catalog(storedBeforeTheStatusesChanged());
        Rule helmet = c.rules().get(0);
        assertThat(helmet.sourceStatus()).isEqualTo(SourceStatus.REFERENCE);
        assertThat(helmet.severity()).as("as stored").isEqualTo(Severity.REQUIRED);
        assertThat(helmet.effectiveSeverity()).isEqualTo(Severity.ADVISORY);
        assertThat(helmet.promotionReason()).isEmpty();
        assertThat(helmet.excludedVehicleTypes()).isEmpty();
        assertThat(helmet.source()).isEqualTo("GA 621-2013 basic personal set");
        assertThat(helmet.perFirefighter()).isEqualTo(1);
        assertThat(c.vehicleTypes().get(0).sourceStatus()).isEqualTo(SourceStatus.PRODUCT_DECISION);
    }

    @Test
    void aVersionWrittenAgainReadsTheSame() {
        Catalog c = CatalogCodec.catalog(storedBeforeTheStatusesChanged());
        assertThat(CatalogCodec.catalog(CatalogCodec.document(c))).isEqualTo(c);
    }
}
