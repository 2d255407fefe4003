package cn.jincheng.brigades.gateway.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of api-v1.md's "Vehicles, equipment, checks" and "Compliance" sections. */
final class EquipmentDtos {

    private EquipmentDtos() {
    }

    record VehicleDto(String id, String type, String category, String plate, String status, long version) {
    }

    record NewVehicle(String type, String plate, String status) {
    }

    record VehiclePatch(String type, String plate, String status) {
    }

    record ItemDto(String id, String itemCode, int quantity, LocalDate expiresOn, List<String> serialNumbers,
            int usableQuantity, String lastFinding, long version) {
    }

    record NewItem(String itemCode, Integer quantity, LocalDate expiresOn, List<String> serialNumbers) {
    }

    record FindingDto(String itemId, String finding, Integer workingQuantity, String defect) {
    }

    record NewCheck(LocalDate date, List<FindingDto> findings, String notes) {
    }

    record CheckDto(String id, LocalDate date, String inspector, List<FindingDto> findings, String notes,
            Instant recordedAt) {
    }

    record NewDrill(LocalDate date, Boolean passed, String notes) {
    }

    record DrillDto(String id, LocalDate date, boolean passed, String notes, String recordedBy, Instant recordedAt) {
    }

    /** How sure a rule is of its source (OpenAPI description of every {@code sourceStatus}). */
    static final String SOURCE_STATUS = "How sure the rule is of its source: PLAN (the city's plan text), STANDARD_VERIFIED "
            + "(a national standard clause verified against its text), REFERENCE (set by reference, 参考, or otherwise "
            + "unverified), EARLIER_STANDARD (a superseded standard), PRODUCT_DECISION (this product's choice). Only PLAN "
            + "and STANDARD_VERIFIED rules are REQUIRED by themselves.";
    static final String PROMOTION_REASON = "Why the city administrator made this rule REQUIRED although its source is "
            + "neither PLAN nor STANDARD_VERIFIED; required for such a rule when publishing, empty otherwise.";

    record ComplianceCheck(String rule, String area,
            @Schema(description = "The rule's effective severity: REQUIRED only for PLAN or STANDARD_VERIFIED rules and "
                    + "promoted ones") String severity,
            String required, String actual, boolean met, String source, @Schema(description = SOURCE_STATUS) String sourceStatus,
            @Schema(description = PROMOTION_REASON) String promotionReason) {
    }

    record ComplianceDto(String brigadeId, String standard, List<String> standards, boolean compliant,
            boolean rulesApply, String tier, int year, List<ComplianceCheck> checks) {
    }

    record VehicleTypeDto(String code, String nameZh, String nameEn, String category,
            @Schema(description = "Where the type's classification comes from") String source,
            @Schema(description = SOURCE_STATUS + " Not given when publishing: PRODUCT_DECISION.") String sourceStatus) {
    }

    record ItemDefinitionDto(String code, String nameZh, String nameEn, String kind, String unit) {
    }

    record RuleDto(String id, String area, String severity, String kind, List<String> levels, List<String> tiers,
            List<String> vehicleTypes, List<String> vehicleCategories, String itemCode, Integer min,
            Integer perFirefighter, Integer max, String description, String source,
            @Schema(description = SOURCE_STATUS) String sourceStatus,
            @Schema(description = "VEHICLE_COUNT: types never counted, even in a listed category") List<String> excludedVehicleTypes,
            @Schema(description = PROMOTION_REASON) String promotionReason) {
    }

    record CatalogDto(String id, int version, String title, Instant publishedAt, String publishedBy, String note,
            int defaultHeadcount, List<VehicleTypeDto> vehicleTypes, List<ItemDefinitionDto> items,
            List<RuleDto> rules) {
    }

    record CatalogVersionDto(String id, int version, Instant publishedAt, String publishedBy, String note) {
    }

    record Publication(String mode, Integer basedOnVersion, String note, String title, Integer defaultHeadcount,
            List<VehicleTypeDto> vehicleTypes, List<ItemDefinitionDto> items, List<RuleDto> rules,
            List<String> removeRules) {
    }

    record ExpiringDto(String brigadeId, String itemId, String itemCode, String nameZh, int quantity,
            LocalDate expiresOn, int daysLeft) {
    }
}
