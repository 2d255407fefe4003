package cn.jincheng.brigades.equipment.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.domain.compliance.Area;
import cn.jincheng.brigades.common.domain.compliance.RuleStanding;
import cn.jincheng.brigades.common.domain.compliance.Severity;
import cn.jincheng.brigades.common.domain.compliance.SourceStatus;
import cn.jincheng.brigades.common.domain.errors.FieldViolation;
import cn.jincheng.brigades.common.domain.errors.ValidationException;
import cn.jincheng.brigades.equipment.domain.compliance.SeedCatalog;

class CatalogValidatorTest {

    private final Catalog seed = SeedCatalog.load();

    private Catalog withRule(Rule extra) {
        List<Rule> rules = new ArrayList<>(seed.rules());
        rules.add(extra);
        return new Catalog(seed.id(), 2, seed.title(), seed.publishedAt(), "admin", "test", seed.defaultHeadcount(),
                seed.vehicleTypes(), seed.items(), rules);
    }

    private static Rule rule(String id, RuleKind kind, List<String> levels, List<String> types, String item, int min,
            Integer max) {
        return new Rule(id, Area.VEHICLES, Severity.REQUIRED, kind, levels, List.of(Tier.FULL), types, List.of(), item, min,
                0, max, "d", "test source", SourceStatus.PLAN);
    }

    private List<String> violations(Catalog c) {
        return catchThrowableOfType(ValidationException.class, () -> CatalogValidator.validate(c)).violations().stream()
                .map(v -> v.field() + ": " + v.message()).toList();
    }

    @Test
    void theShippedCatalogIsConsistent() {
        CatalogValidator.validate(seed);
        assertThat(seed.vehicleTypes()).extracting(VehicleType::code)
                .contains("WATER_TANKER", "FOAM_TANKER", "DRY_POWDER", "RESCUE");
        assertThat(seed.vehicleType("RESCUE").orElseThrow().category()).isEqualTo(VehicleCategory.SPECIAL_SERVICE);
        assertThat(seed.rules()).allSatisfy(r -> assertThat(r.source()).isNotBlank());
    }

    @Test
    void contradictionsAreRefusedWithTheReason() {
        assertThat(violations(withRule(rule("x", RuleKind.VEHICLE_COUNT, List.of("LEVEL_ONE"), List.of(), null, 3, 2))))
                .containsExactly("rules[" + seed.rules().size() + "].max: the maximum is below the minimum");
        assertThat(violations(withRule(rule("x", RuleKind.VEHICLE_COUNT, List.of("LEVEL_THREE"), List.of(), null, 1, null))))
                .anyMatch(v -> v.contains("unknown level LEVEL_THREE"));
        assertThat(violations(withRule(rule("x", RuleKind.VEHICLE_COUNT, List.of("LEVEL_ONE"), List.of("UFO"), null, 1, null))))
                .anyMatch(v -> v.contains("unknown vehicle type UFO"));
        assertThat(violations(withRule(rule("x", RuleKind.EQUIPMENT_QUANTITY, List.of("LEVEL_ONE"), List.of(), "LASER", 1, null))))
                .anyMatch(v -> v.contains("itemCode: must be an item code of this catalog"));
        assertThat(violations(withRule(rule("ppe.helmet", RuleKind.VEHICLE_COUNT, List.of("LEVEL_ONE"), List.of(), null, 1, null))))
                .anyMatch(v -> v.contains("duplicate ppe.helmet"));
    }

    @Test
    void aRuleWithoutItsSourceIsRefused() {
        Rule unsourced = new Rule("x", Area.EQUIPMENT, Severity.REQUIRED, RuleKind.EQUIPMENT_QUANTITY, List.of("LEVEL_ONE"),
                List.of(Tier.FULL), List.of(), List.of(), "FIRE_AXE", 1, 0, null, "d", " ", null);
        assertThat(catchThrowableOfType(ValidationException.class, () -> CatalogValidator.validate(withRule(unsourced)))
                .violations()).extracting(FieldViolation::message).contains("must not be empty");
    }

    @Test
    void aRequiredRuleNotFromThePlanOrAVerifiedStandardNeedsAPromotionReason() {
        for (SourceStatus status : List.of(SourceStatus.REFERENCE, SourceStatus.EARLIER_STANDARD,
                SourceStatus.PRODUCT_DECISION)) {
            Rule unpromoted = axes(Severity.REQUIRED, status, " ");
            assertThat(violations(withRule(unpromoted))).containsExactly("rules[" + seed.rules().size()
                    + "].promotionReason: " + RuleStanding.refusal(status));
            CatalogValidator.validate(withRule(axes(Severity.REQUIRED, status, "市消防救援支队核实后提升 (verified by the city)")));
            CatalogValidator.validate(withRule(axes(Severity.ADVISORY, status, "")));
        }
        CatalogValidator.validate(withRule(axes(Severity.REQUIRED, SourceStatus.PLAN, "")));
        CatalogValidator.validate(withRule(axes(Severity.REQUIRED, SourceStatus.STANDARD_VERIFIED, "")));
    }

    @Test
    void theShippedCatalogIsHonestAboutItsSources() {
        assertThat(seed.rules()).filteredOn(r -> r.severity() == Severity.REQUIRED)
                .allSatisfy(r -> assertThat(r.sourceStatus().mayBeRequired()).as(r.id()).isTrue());
        assertThat(seed.rules()).filteredOn(r -> r.id().startsWith("ppe.")).hasSize(5).allSatisfy(r -> {
            assertThat(r.severity()).isEqualTo(Severity.ADVISORY);
            assertThat(r.sourceStatus()).isEqualTo(SourceStatus.REFERENCE);
            assertThat(r.source()).contains("not verified against GA 621-2013").contains("GB/T 35547-2017");
        });
        assertThat(seed.vehicleTypes()).allSatisfy(t -> {
            assertThat(t.sourceStatus()).isEqualTo(SourceStatus.PRODUCT_DECISION);
            assertThat(t.source()).contains("GB 7956.1-2014").contains("not verified");
        });
    }

    private static Rule axes(Severity severity, SourceStatus status, String promotionReason) {
        return new Rule("fire-axe", Area.EQUIPMENT, severity, RuleKind.EQUIPMENT_QUANTITY, List.of("LEVEL_ONE"),
                List.of(Tier.FULL), List.of(), List.of(), "FIRE_AXE", 1, 0, null, "d", "a city notice", status, List.of(),
                promotionReason);
    }
}
