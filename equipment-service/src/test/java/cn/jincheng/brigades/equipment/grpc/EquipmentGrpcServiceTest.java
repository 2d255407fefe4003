package cn.jincheng.brigades.equipment.grpc;

import static cn.jincheng.brigades.common.testing.GrpcAssertions.failure;
import static cn.jincheng.brigades.common.testing.GrpcAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.grpc.GrpcErrors;
import cn.jincheng.brigades.common.grpc.idempotency.IdempotencyHeaders;
import cn.jincheng.brigades.common.testing.GrpcServiceTestSupport;
import cn.jincheng.brigades.common.testing.StationDirectory;
import cn.jincheng.brigades.common.testing.TestTime;
import cn.jincheng.brigades.proto.compliance.v1.Check;
import cn.jincheng.brigades.proto.compliance.v1.ComplianceArea;
import cn.jincheng.brigades.proto.compliance.v1.Severity;
import cn.jincheng.brigades.proto.compliance.v1.SourceStatus;
import cn.jincheng.brigades.proto.directory.v1.BrigadeDirectoryReplicaGrpc;
import cn.jincheng.brigades.proto.directory.v1.DirectoryEntry;
import cn.jincheng.brigades.proto.directory.v1.GetReplicaStateRequest;
import cn.jincheng.brigades.proto.directory.v1.ReplicateBrigadesRequest;
import cn.jincheng.brigades.proto.equipment.v1.AddEquipmentRequest;
import cn.jincheng.brigades.proto.equipment.v1.AddVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeCompliance;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeRef;
import cn.jincheng.brigades.proto.equipment.v1.Catalog;
import cn.jincheng.brigades.proto.equipment.v1.CheckFinding;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentItem;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
import cn.jincheng.brigades.proto.equipment.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.equipment.v1.GetCatalogRequest;
import cn.jincheng.brigades.proto.equipment.v1.ItemFinding;
import cn.jincheng.brigades.proto.equipment.v1.ListEquipmentRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListExpiringItemsRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListVehiclesRequest;
import cn.jincheng.brigades.proto.equipment.v1.PublishCatalogRequest;
import cn.jincheng.brigades.proto.equipment.v1.RecordDrillRequest;
import cn.jincheng.brigades.proto.equipment.v1.RecordEquipmentCheckRequest;
import cn.jincheng.brigades.proto.equipment.v1.Rule;
import cn.jincheng.brigades.proto.equipment.v1.RuleKind;
import cn.jincheng.brigades.proto.equipment.v1.StandardTier;
import cn.jincheng.brigades.proto.equipment.v1.UpdateVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.Vehicle;
import cn.jincheng.brigades.proto.equipment.v1.VehicleCategory;
import cn.jincheng.brigades.proto.equipment.v1.VehicleStatus;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;

/** equipment.v1 over a real channel against the stand-in store, with the brigades station-service sends its directory copy. */
@SpringBootTest
@Import(TestTime.FixedClock.class)
class EquipmentGrpcServiceTest extends GrpcServiceTestSupport {

    /** The brigades the tests use, as station-service sends them to this service's directory copy. */
    static final String[] BRIGADES = { "zezhou-gaodu", "zezhou-nancun", "zezhou-zhoucun", "zezhou-bagong",
        "zezhou-dadonggou", "zezhou-dayang", "zezhou-unseen", "qinshui-zhongcun", "qinshui-jiafeng", "qinshui-xiaoyuan",
        "qinshui-duanshi", "gaoping-macun", "gaoping-hexi", "lingchuan-fucheng" };
    static final Caller ADMIN = new Caller("admin", Role.CITY_ADMIN, null);
    static final Caller FIRE_DEPT = new Caller("firedept", Role.FIRE_DEPT, null);
    static final Caller INSPECTOR = new Caller("inspector", Role.CITY_INSPECTOR, null);
    static final Caller ZEZHOU = new Caller("clerk-zezhou", Role.COUNTY_CLERK, "zezhou");

    /** The service is up by now (the context starts before the first test): the brigades it should know. */
    @BeforeEach
    void directoryCopy() {
        new StationDirectory(client.channel(), STATION_KEY).send(BRIGADES);
    }

    static EquipmentServiceGrpc.EquipmentServiceBlockingStub as(Caller caller) {
        return client.as(EquipmentServiceGrpc.newBlockingStub(client.channel()), caller);
    }

    static Vehicle addVehicle(String brigade, String type, String plate) {
        return as(ZEZHOU).addVehicle(AddVehicleRequest.newBuilder().setBrigadeId(brigade).setType(type).setPlate(plate).build());
    }

    /** The gateway's Idempotency-Key and request hash on a call. */
    static EquipmentServiceGrpc.EquipmentServiceBlockingStub keyed(Caller caller, String key, char hash) {
        Metadata headers = new Metadata();
        headers.put(IdempotencyHeaders.KEY, key);
        headers.put(IdempotencyHeaders.REQUEST_HASH, String.valueOf(hash).repeat(64));
        return as(caller).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    @Test
    void aWriteSentTwiceUnderOneKeyIsMadeOnceAndTheSecondAnswerIsTheFirst() {
        AddVehicleRequest add = AddVehicleRequest.newBuilder().setBrigadeId("zezhou-bagong").setType("RESCUE")
                .setPlate("晋E77001").build();
        Vehicle first = keyed(ZEZHOU, "vehicle-77001", 'a').addVehicle(add);
        Vehicle again = keyed(ZEZHOU, "vehicle-77001", 'a').addVehicle(add);
        assertThat(again).isEqualTo(first);
        assertThat(as(ZEZHOU).listVehicles(ListVehiclesRequest.newBuilder().setBrigadeId("zezhou-bagong").build())
                .getVehiclesList()).filteredOn(v -> v.getPlate().equals(first.getPlate())).hasSize(1);

        // the same key for another request: refused, and named so the gateway answers 422
        StatusRuntimeException reused = failure(() -> keyed(ZEZHOU, "vehicle-77001", 'b').addVehicle(add));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.errorInfo(reused).orElseThrow().getReason()).isEqualTo(IdempotencyHeaders.KEY_REUSED);
        // another caller's key of the same name is another key: the request runs, and fails as a duplicate plate does
        assertThat(fields(failure(() -> keyed(ADMIN, "vehicle-77001", 'a').addVehicle(add)))).containsExactly("plate");
    }

    @Test
    void aFailedWriteKeepsNothingUnderItsKeySoItMayBeRetried() {
        AddVehicleRequest bad = AddVehicleRequest.newBuilder().setBrigadeId("zezhou-bagong").setType("HOVERCRAFT")
                .setPlate("晋E77002").build();
        assertThat(failure(() -> keyed(ZEZHOU, "vehicle-77002", 'c').addVehicle(bad)).getStatus().getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(keyed(ZEZHOU, "vehicle-77002", 'c').addVehicle(bad.toBuilder().setType("RESCUE").build())
                .getPlate()).isEqualTo("晋E77002");
    }

    @Test
    void servesHealthAndTheSeededCatalogWithTheProvenanceOfEveryRule() {
        assertThat(HealthGrpc.newBlockingStub(client.channel()).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        Catalog catalog = as(ZEZHOU).getCatalog(GetCatalogRequest.getDefaultInstance());
        assertThat(catalog.getVersion()).isGreaterThanOrEqualTo(1);
        assertThat(catalog.getVehicleTypesList()).anyMatch(t -> t.getCode().equals("RESCUE")
                && t.getCategory() == VehicleCategory.VEHICLE_CATEGORY_SPECIAL_SERVICE && t.getNameZh().equals("抢险救援消防车"));
        assertThat(catalog.getRulesList()).allMatch(r -> !r.getSource().isBlank()
                && r.getSourceStatus() != SourceStatus.SOURCE_STATUS_UNSPECIFIED);
        assertThat(catalog.getRulesList()).filteredOn(r -> r.getId().startsWith("floor."))
                .allMatch(r -> r.getSourceStatus() == SourceStatus.SOURCE_STATUS_EARLIER_STANDARD
                        && r.getSeverity() == Severity.SEVERITY_ADVISORY);
    }

    @Test
    void vehiclesAreKeptByTheCountyWithUniquePlatesAndVersions() {
        Vehicle tanker = addVehicle("zezhou-nancun", "WATER_TANKER", "晋E·30001");
        assertThat(tanker.getPlate()).isEqualTo("晋E30001");
        assertThat(tanker.getCategory()).isEqualTo(VehicleCategory.VEHICLE_CATEGORY_FIREFIGHTING);
        assertThat(tanker.getStatus()).isEqualTo(VehicleStatus.VEHICLE_STATUS_IN_SERVICE);

        StatusRuntimeException duplicate = failure(() -> addVehicle("zezhou-dayang", "RESCUE", "晋E 30001"));
        assertThat(duplicate.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fields(duplicate)).containsExactly("plate");
        assertThat(fields(failure(() -> addVehicle("zezhou-nancun", "HOVERCRAFT", "晋E30002")))).containsExactly("type");
        assertThat(fields(failure(() -> addVehicle("zezhou-nancun", "RESCUE", "12")))).containsExactly("plate");

        UpdateVehicleRequest outOfService = UpdateVehicleRequest.newBuilder().setBrigadeId("zezhou-nancun")
                .setVehicleId(tanker.getId()).setExpectedVersion(1).setStatus(VehicleStatus.VEHICLE_STATUS_OUT_OF_SERVICE)
                .build();
        assertThat(as(ZEZHOU).updateVehicle(outOfService).getVersion()).isEqualTo(2);
        assertThat(failure(() -> as(ZEZHOU).updateVehicle(outOfService)).getStatus().getCode())
                .isEqualTo(Status.Code.ABORTED);
        assertThat(as(INSPECTOR).listVehicles(ListVehiclesRequest.newBuilder().setBrigadeId("zezhou-nancun").build())
                .getVehicles(0).getStatus()).isEqualTo(VehicleStatus.VEHICLE_STATUS_OUT_OF_SERVICE);

        var trail = as(INSPECTOR).listAuditEntries(cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest.newBuilder()
                .setBrigadeId("zezhou-nancun").build()).getEntriesList();
        assertThat(trail).extracting(e -> e.getAction()).containsExactly("vehicle.update", "vehicle.add");
        assertThat(trail.get(0).getActor()).isEqualTo("clerk-zezhou");
        assertThat(trail.get(0).getBeforeJson()).contains("IN_SERVICE");
        assertThat(trail.get(0).getAfterJson()).contains("OUT_OF_SERVICE");
        assertThat(failure(() -> as(new Caller("clerk-gaoping", Role.COUNTY_CLERK, "gaoping")).listAuditEntries(
                cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest.newBuilder().setBrigadeId("zezhou-nancun")
                        .build())).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

        // removal: gone from the list, its plate free again, and on the record
        as(ZEZHOU).removeVehicle(cn.jincheng.brigades.proto.equipment.v1.RemoveVehicleRequest.newBuilder()
                .setBrigadeId("zezhou-nancun").setVehicleId(tanker.getId()).setExpectedVersion(2).build());
        assertThat(as(INSPECTOR).listVehicles(ListVehiclesRequest.newBuilder().setBrigadeId("zezhou-nancun").build())
                .getVehiclesList()).isEmpty();
        assertThat(addVehicle("zezhou-dayang", "RESCUE", "晋E30001").getPlate()).isEqualTo("晋E30001");
        assertThat(as(INSPECTOR).listAuditEntries(cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest.newBuilder()
                .setBrigadeId("zezhou-nancun").build()).getEntriesList()).extracting(e -> e.getAction())
                .containsExactly("vehicle.remove", "vehicle.update", "vehicle.add");
    }

    @Test
    void scopeAndRolesAreEnforcedHereToo() {
        assertThat(failure(() -> addVehicle("gaoping-macun", "RESCUE", "晋E30009")).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> addVehicle("nope-nowhere", "RESCUE", "晋E30010")).getStatus().getCode())
                .isEqualTo(Status.Code.NOT_FOUND);
        assertThat(failure(() -> as(FIRE_DEPT).addVehicle(AddVehicleRequest.newBuilder().setBrigadeId("zezhou-gaodu")
                .setType("RESCUE").setPlate("晋E30011").build())).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> as(ZEZHOU).recordDrill(RecordDrillRequest.newBuilder().setBrigadeId("zezhou-gaodu")
                .setDate(ProtoTime.date(LocalDate.of(2019, 9, 1))).setPassed(true).build())).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(failure(() -> EquipmentServiceGrpc.newBlockingStub(client.channel())
                .listVehicles(ListVehiclesRequest.newBuilder().setBrigadeId("zezhou-gaodu").build())).getStatus().getCode())
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anItemTheFireDepartmentFindsDefectiveOrThatHasExpiredDoesNotCount() {
        EquipmentItem helmets = as(ZEZHOU).addEquipment(AddEquipmentRequest.newBuilder().setBrigadeId("zezhou-zhoucun")
                .setItemCode("PPE_HELMET").setQuantity(10).addSerialNumbers("H-001").build());
        as(ZEZHOU).addEquipment(AddEquipmentRequest.newBuilder().setBrigadeId("zezhou-zhoucun").setItemCode("PPE_BOOTS")
                .setQuantity(10).setExpiresOn(ProtoTime.date(LocalDate.of(2019, 1, 1))).build());
        assertThat(fields(failure(() -> as(ZEZHOU).addEquipment(AddEquipmentRequest.newBuilder()
                .setBrigadeId("zezhou-zhoucun").setItemCode("LASER").setQuantity(0).build()))))
                .containsExactlyInAnyOrder("itemCode", "quantity");

        StatusRuntimeException strange = failure(() -> as(FIRE_DEPT).recordEquipmentCheck(RecordEquipmentCheckRequest
                .newBuilder().setBrigadeId("zezhou-zhoucun").setDate(ProtoTime.date(LocalDate.of(2019, 11, 1)))
                .addFindings(ItemFinding.newBuilder().setItemId("not-held").setFinding(CheckFinding.CHECK_FINDING_PRESENT))
                .build()));
        assertThat(fields(strange)).containsExactly("findings[0].itemId");

        as(FIRE_DEPT).recordEquipmentCheck(RecordEquipmentCheckRequest.newBuilder().setBrigadeId("zezhou-zhoucun")
                .setDate(ProtoTime.date(LocalDate.of(2019, 11, 1))).addFindings(ItemFinding.newBuilder().setItemId(helmets.getId())
                        .setFinding(CheckFinding.CHECK_FINDING_DEFECTIVE).setDefect("visors cracked"))
                .build());
        List<EquipmentItem> listed = as(ZEZHOU).listEquipment(ListEquipmentRequest.newBuilder()
                .setBrigadeId("zezhou-zhoucun").build()).getItemsList();
        assertThat(listed).filteredOn(i -> i.getItemCode().equals("PPE_HELMET")).singleElement()
                .satisfies(i -> {
                    assertThat(i.getUsableQuantity()).isZero();
                    assertThat(i.getLastFinding()).isEqualTo(CheckFinding.CHECK_FINDING_DEFECTIVE);
                });
        assertThat(listed).filteredOn(i -> i.getItemCode().equals("PPE_BOOTS")).singleElement()
                .satisfies(i -> assertThat(i.getUsableQuantity()).isZero());
    }

    @Test
    void complianceStreamsOneResultPerBrigadeInOrderNamingTheCatalog() {
        addVehicle("zezhou-bagong", "WATER_TANKER", "晋E30101");
        addVehicle("zezhou-bagong", "RESCUE", "晋E30102");
        List<BrigadeCompliance> results = new ArrayList<>();
        as(ADMIN).evaluateCompliance(EvaluateComplianceRequest.newBuilder().setYear(2019)
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("zezhou-bagong").setLevel("LEVEL_ONE")
                        .setTier(StandardTier.STANDARD_TIER_FULL).setHeadcount(10))
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("qinshui-duanshi").setLevel("LEVEL_TWO")
                        .setTier(StandardTier.STANDARD_TIER_FULL))
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("lingchuan-fucheng").setLevel("LEVEL_TWO"))
                .build()).forEachRemaining(results::add);
        assertThat(results).extracting(BrigadeCompliance::getBrigadeId)
                .containsExactly("zezhou-bagong", "qinshui-duanshi", "lingchuan-fucheng");
        assertThat(results.get(0).getStandard()).startsWith("jincheng-township-equipment@");
        assertThat(results.get(0).getChecksList()).filteredOn(c -> c.getArea() == ComplianceArea.COMPLIANCE_AREA_VEHICLES)
                .allMatch(Check::getMet);
        assertThat(results.get(1).getChecksList()).filteredOn(c -> c.getArea() == ComplianceArea.COMPLIANCE_AREA_VEHICLES)
                .noneMatch(Check::getMet);
        assertThat(results.get(2).getChecksList()).isEmpty();

        EvaluateComplianceRequest bagong = EvaluateComplianceRequest.newBuilder().setYear(2019).setUnmetOnly(true)
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("zezhou-bagong").setLevel("LEVEL_ONE")
                        .setTier(StandardTier.STANDARD_TIER_FULL).setHeadcount(10)).build();
        BrigadeCompliance unmet = as(ADMIN).evaluateCompliance(bagong).next();
        assertThat(unmet.getCompliant()).isEqualTo(results.get(0).getCompliant());
        assertThat(unmet.getChecksList()).isNotEmpty().noneMatch(Check::getMet)
                .containsExactlyElementsOf(results.get(0).getChecksList().stream().filter(c -> !c.getMet()).toList());

        StatusRuntimeException clerkOutside = failure(() -> as(ZEZHOU).evaluateCompliance(EvaluateComplianceRequest
                .newBuilder().setYear(2019).addBrigades(BrigadeRef.newBuilder().setBrigadeId("qinshui-duanshi")
                        .setLevel("LEVEL_TWO").setTier(StandardTier.STANDARD_TIER_FULL)).build()).hasNext());
        assertThat(clerkOutside.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aDrillOnTheBusinessTodayIsAcceptedJustAfterMidnightAndTomorrowIsNot() {
        // TestTime: 00:30 on 16 November in the business zone, still the 15th in UTC
        RecordDrillRequest today = RecordDrillRequest.newBuilder().setBrigadeId("zezhou-gaodu")
                .setDate(ProtoTime.date(TestTime.TODAY)).setPassed(true).build();
        assertThat(as(FIRE_DEPT).recordDrill(today).getDate()).isEqualTo(ProtoTime.date(TestTime.TODAY));
        StatusRuntimeException tomorrow = failure(() -> as(FIRE_DEPT).recordDrill(today.toBuilder()
                .setDate(ProtoTime.date(TestTime.TODAY.plusDays(1))).build()));
        assertThat(tomorrow.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fields(tomorrow)).containsExactly("date");
    }

    @Test
    void itemsCloseToExpiryAreListedPerCounty() {
        LocalDate soon = TestTime.TODAY.plusDays(10);
        as(ZEZHOU).addEquipment(AddEquipmentRequest.newBuilder().setBrigadeId("zezhou-dadonggou")
                .setItemCode("EXTINGUISHER").setQuantity(4).setExpiresOn(ProtoTime.date(soon)).build());
        as(ZEZHOU).addEquipment(AddEquipmentRequest.newBuilder().setBrigadeId("zezhou-dadonggou")
                .setItemCode("EXTINGUISHER").setQuantity(4).setExpiresOn(ProtoTime.date(soon.plusDays(100))).build());
        var county = as(ZEZHOU).listExpiringItems(ListExpiringItemsRequest.newBuilder().setCountyId("zezhou").build());
        assertThat(county.getItemsList()).anyMatch(i -> i.getBrigadeId().equals("zezhou-dadonggou")
                && i.getDaysLeft() == 10 && i.getNameZh().equals("灭火器"));
        assertThat(county.getItemsList()).noneMatch(i -> i.getDaysLeft() > 30);
        assertThat(failure(() -> as(ZEZHOU).listExpiringItems(ListExpiringItemsRequest.newBuilder()
                .setCountyId("gaoping").build())).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void theCityAdministratorPublishesNewVersionsAndOldOnesStayReadable() {
        Catalog current = as(ADMIN).getCatalog(GetCatalogRequest.getDefaultInstance());
        Rule axe = Rule.newBuilder().setId("local.fire-axe").setArea(ComplianceArea.COMPLIANCE_AREA_EQUIPMENT)
                .setSeverity(Severity.SEVERITY_ADVISORY).setKind(RuleKind.RULE_KIND_EQUIPMENT_QUANTITY)
                .addLevels("LEVEL_ONE").addTiers(StandardTier.STANDARD_TIER_FULL).setItemCode("FIRE_AXE").setMin(2)
                .setSource("市消防支队 2020 年通知 (example)").setSourceStatus(SourceStatus.SOURCE_STATUS_REFERENCE).build();
        PublishCatalogRequest amend = PublishCatalogRequest.newBuilder().setMode(PublishCatalogRequest.Mode.MODE_AMEND)
                .setBasedOnVersion(current.getVersion()).setNote("add the fire axe").addRules(axe).build();
        assertThat(failure(() -> as(ZEZHOU).publishCatalog(amend)).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(fields(failure(() -> as(ADMIN).publishCatalog(amend.toBuilder().setRules(0, axe.toBuilder().setMax(1))
                .build())))).contains("rules[" + current.getRulesCount() + "].max");

        Catalog next = as(ADMIN).publishCatalog(amend);
        assertThat(next.getVersion()).isEqualTo(current.getVersion() + 1);
        assertThat(next.getRulesCount()).isEqualTo(current.getRulesCount() + 1);
        assertThat(next.getPublishedBy()).isEqualTo("admin");
        assertThat(failure(() -> as(ADMIN).publishCatalog(amend)).getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(as(ADMIN).getCatalog(GetCatalogRequest.newBuilder().setVersion(current.getVersion()).build())
                .getRulesCount()).isEqualTo(current.getRulesCount());

        PublishCatalogRequest dropIt = PublishCatalogRequest.newBuilder().setMode(PublishCatalogRequest.Mode.MODE_AMEND)
                .setBasedOnVersion(next.getVersion()).setNote("withdrawn").addRemoveRules("local.fire-axe").build();
        assertThat(as(ADMIN).publishCatalog(dropIt).getRulesCount()).isEqualTo(current.getRulesCount());
        List<BrigadeCompliance> results = new ArrayList<>();
        as(ADMIN).evaluateCompliance(EvaluateComplianceRequest.newBuilder().setYear(2019).setCatalogVersion(next.getVersion())
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("zezhou-gaodu").setLevel("LEVEL_ONE")
                        .setTier(StandardTier.STANDARD_TIER_FULL)).build()).forEachRemaining(results::add);
        assertThat(results.get(0).getStandard()).endsWith("@" + next.getVersion());
        assertThat(results.get(0).getChecksList()).anyMatch(c -> c.getRule().equals("local.fire-axe"));
    }

    @Test
    void promotingAReferenceRuleToRequiredNeedsAReasonWhichTheVersionKeeps() {
        Catalog current = as(ADMIN).getCatalog(GetCatalogRequest.getDefaultInstance());
        Rule helmet = current.getRulesList().stream().filter(r -> r.getId().equals("ppe.helmet")).findFirst().orElseThrow();
        assertThat(helmet.getSourceStatus()).isEqualTo(SourceStatus.SOURCE_STATUS_REFERENCE);
        assertThat(helmet.getSeverity()).isEqualTo(Severity.SEVERITY_ADVISORY);
        PublishCatalogRequest promote = PublishCatalogRequest.newBuilder().setMode(PublishCatalogRequest.Mode.MODE_AMEND)
                .setBasedOnVersion(current.getVersion()).setNote("helmets become binding")
                .addRules(helmet.toBuilder().setSeverity(Severity.SEVERITY_REQUIRED)).build();
        int at = current.getRulesList().indexOf(helmet);
        StatusRuntimeException noReason = failure(() -> as(ADMIN).publishCatalog(promote));
        assertThat(noReason.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(fields(noReason)).containsExactly("rules[" + at + "].promotionReason");

        String reason = "市消防救援支队已核对 GA 621-2013 表1 (checked by the city fire department)";
        Catalog next = as(ADMIN).publishCatalog(promote.toBuilder().setRules(0, promote.getRules(0).toBuilder()
                .setPromotionReason(reason)).build());
        Rule promoted = as(ADMIN).getCatalog(GetCatalogRequest.newBuilder().setVersion(next.getVersion()).build())
                .getRulesList().stream().filter(r -> r.getId().equals("ppe.helmet")).findFirst().orElseThrow();
        assertThat(promoted.getSeverity()).isEqualTo(Severity.SEVERITY_REQUIRED);
        assertThat(promoted.getPromotionReason()).isEqualTo(reason);
        assertThat(next.getPublishedBy()).isEqualTo("admin");
        List<BrigadeCompliance> results = new ArrayList<>();
        as(ADMIN).evaluateCompliance(EvaluateComplianceRequest.newBuilder().setYear(2019).setCatalogVersion(next.getVersion())
                .addBrigades(BrigadeRef.newBuilder().setBrigadeId("qinshui-zhongcun").setLevel("LEVEL_TWO")
                        .setTier(StandardTier.STANDARD_TIER_FULL).setHeadcount(10)).build()).forEachRemaining(results::add);
        assertThat(results.get(0).getChecksList()).filteredOn(c -> c.getRule().equals("ppe.helmet")).singleElement()
                .satisfies(c -> {
                    assertThat(c.getSeverity()).isEqualTo(Severity.SEVERITY_REQUIRED);
                    assertThat(c.getSourceStatus()).isEqualTo(SourceStatus.SOURCE_STATUS_REFERENCE);
                    assertThat(c.getPromotionReason()).isEqualTo(reason);
                });
    }

    @Test
    void onlyStationServiceKeepsTheDirectoryCopyAndABrigadeItSendsIsKnownAtOnce() {
        StationDirectory station = new StationDirectory(client.channel(), STATION_KEY);
        assertThat(failure(() -> as(ADMIN).listVehicles(ListVehiclesRequest.newBuilder().setBrigadeId("zezhou-sent-later")
                .build())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(station.send("zezhou-sent-later")).isEqualTo(1);
        assertThat(station.send("zezhou-sent-later", "zezhou-gaodu")).isZero(); // held already: nothing changes
        assertThat(as(ADMIN).listVehicles(ListVehiclesRequest.newBuilder().setBrigadeId("zezhou-sent-later").build())
                .getVehiclesList()).isEmpty();
        assertThat(station.stub().getReplicaState(GetReplicaStateRequest.getDefaultInstance()).getBrigades())
                .isEqualTo(BRIGADES.length + 1);

        ReplicateBrigadesRequest moveIt = ReplicateBrigadesRequest.newBuilder().addEntries(DirectoryEntry.newBuilder()
                .setBrigadeId("zezhou-gaodu").setCountyId("gaoping")).build();
        assertThat(failure(() -> client.as(BrigadeDirectoryReplicaGrpc.newBlockingStub(client.channel()), ADMIN)
                .replicateBrigades(moveIt)).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        // the gateway's key cannot make anyone station-service
        Caller forged = new Caller("station-service", Role.STATION_SERVICE, null);
        assertThat(failure(() -> client.as(BrigadeDirectoryReplicaGrpc.newBlockingStub(client.channel()), forged)
                .replicateBrigades(moveIt)).getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(failure(() -> as(ZEZHOU).addVehicle(AddVehicleRequest.newBuilder().setBrigadeId("gaoping-macun")
                .setType("RESCUE").setPlate("晋E39999").build())).getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
    }
}
