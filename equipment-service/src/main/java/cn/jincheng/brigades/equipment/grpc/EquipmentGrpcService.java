package cn.jincheng.brigades.equipment.grpc;

import static cn.jincheng.brigades.common.grpc.Replies.reply;

import cn.jincheng.brigades.common.grpc.ProtoTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.grpc.AuditPages;
import cn.jincheng.brigades.common.persistence.audit.AuditTrail;
import cn.jincheng.brigades.common.grpc.client.BrigadeDirectory;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.equipment.catalog.Catalog;
import cn.jincheng.brigades.equipment.catalog.CatalogService;
import cn.jincheng.brigades.equipment.catalog.Tier;
import cn.jincheng.brigades.equipment.compliance.BrigadeRef;
import cn.jincheng.brigades.equipment.compliance.ComplianceService;
import cn.jincheng.brigades.equipment.compliance.Inventory;
import cn.jincheng.brigades.equipment.inventory.EquipmentCheck;
import cn.jincheng.brigades.equipment.inventory.EquipmentItem;
import cn.jincheng.brigades.equipment.inventory.FireDepartmentRecords;
import cn.jincheng.brigades.equipment.inventory.InventoryService;
import cn.jincheng.brigades.equipment.inventory.ItemFinding;
import cn.jincheng.brigades.proto.equipment.v1.AddEquipmentRequest;
import cn.jincheng.brigades.proto.equipment.v1.AddVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeCompliance;
import cn.jincheng.brigades.proto.equipment.v1.Drill;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
import cn.jincheng.brigades.proto.equipment.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.equipment.v1.GetCatalogRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListCatalogVersionsRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListCatalogVersionsResponse;
import cn.jincheng.brigades.proto.equipment.v1.ListDrillsRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListDrillsResponse;
import cn.jincheng.brigades.proto.equipment.v1.ListEquipmentChecksRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListEquipmentChecksResponse;
import cn.jincheng.brigades.proto.equipment.v1.ListEquipmentRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListEquipmentResponse;
import cn.jincheng.brigades.proto.equipment.v1.ListExpiringItemsRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListExpiringItemsResponse;
import cn.jincheng.brigades.proto.equipment.v1.ListVehiclesRequest;
import cn.jincheng.brigades.proto.equipment.v1.ListVehiclesResponse;
import cn.jincheng.brigades.proto.equipment.v1.PublishCatalogRequest;
import cn.jincheng.brigades.proto.equipment.v1.RecordDrillRequest;
import cn.jincheng.brigades.proto.equipment.v1.RecordEquipmentCheckRequest;
import cn.jincheng.brigades.proto.equipment.v1.RemoveVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.RemoveVehicleResponse;
import cn.jincheng.brigades.proto.equipment.v1.UpdateVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.Vehicle;
import cn.jincheng.brigades.common.grpc.ImportStream;
import cn.jincheng.brigades.equipment.inventory.InventoryImports;
import cn.jincheng.brigades.proto.equipment.v1.ImportEquipmentChunk;
import cn.jincheng.brigades.proto.equipment.v1.ImportVehiclesChunk;
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** equipment.v1 over gRPC: maps messages and delegates; the domain services decide. */
@Service
class EquipmentGrpcService extends EquipmentServiceGrpc.EquipmentServiceImplBase {

    private final CatalogService catalogs;
    private final InventoryService inventory;
    private final FireDepartmentRecords records;
    private final ComplianceService compliance;
    private final TimeSource time;

    private final AuditTrail auditTrail;
    private final BrigadeDirectory directory;
    private final InventoryImports imports;

    EquipmentGrpcService(CatalogService catalogs, InventoryService inventory, FireDepartmentRecords records,
            ComplianceService compliance, TimeSource time, AuditTrail auditTrail, BrigadeDirectory directory,
            InventoryImports imports) {
        this.imports = imports;
        this.directory = directory;
        this.auditTrail = auditTrail;
        this.catalogs = catalogs;
        this.inventory = inventory;
        this.records = records;
        this.compliance = compliance;
        this.time = time;
    }

    @Override
    public void getCatalog(GetCatalogRequest request, StreamObserver<cn.jincheng.brigades.proto.equipment.v1.Catalog> out) {
        reply(out, EquipmentProtoMapper.catalog(catalogs.version(request.hasVersion() ? request.getVersion() : null)));
    }

    @Override
    public void listCatalogVersions(ListCatalogVersionsRequest request, StreamObserver<ListCatalogVersionsResponse> out) {
        reply(out, ListCatalogVersionsResponse.newBuilder()
                .addAllVersions(catalogs.versions().stream().map(EquipmentProtoMapper::header).toList()).build());
    }

    @Override
    public void publishCatalog(PublishCatalogRequest r, StreamObserver<cn.jincheng.brigades.proto.equipment.v1.Catalog> out) {
        List<cn.jincheng.brigades.equipment.catalog.VehicleType> types = new ArrayList<>();
        for (int i = 0; i < r.getVehicleTypesCount(); i++) {
            types.add(EquipmentProtoMapper.vehicleType(r.getVehicleTypes(i), "vehicleTypes[" + i + "]"));
        }
        List<cn.jincheng.brigades.equipment.catalog.Rule> rules = new ArrayList<>();
        for (int i = 0; i < r.getRulesCount(); i++) {
            rules.add(EquipmentProtoMapper.rule(r.getRules(i), "rules[" + i + "]"));
        }
        CatalogService.Publication publication = new CatalogService.Publication(
                r.getMode() == PublishCatalogRequest.Mode.MODE_AMEND, r.getBasedOnVersion(), r.getNote(), r.getTitle(),
                r.hasDefaultHeadcount() ? r.getDefaultHeadcount() : null, types,
                r.getItemsList().stream().map(EquipmentProtoMapper::item).toList(), rules,
                new HashSet<>(r.getRemoveRulesList()));
        reply(out, EquipmentProtoMapper.catalog(catalogs.publish(caller(), publication)));
    }

    @Override
    public void listVehicles(ListVehiclesRequest request, StreamObserver<ListVehiclesResponse> out) {
        Catalog catalog = catalogs.inForce();
        reply(out, ListVehiclesResponse.newBuilder().addAllVehicles(inventory.vehicles(caller(), request.getBrigadeId())
                .stream().map(v -> EquipmentProtoMapper.vehicle(v, catalog)).toList()).build());
    }

    @Override
    public void addVehicle(AddVehicleRequest r, StreamObserver<Vehicle> out) {
        var added = inventory.addVehicle(caller(), r.getBrigadeId(), emptyToNull(r.getType()), r.getPlate(),
                EquipmentProtoMapper.vehicleStatus(r.getStatus()));
        reply(out, EquipmentProtoMapper.vehicle(added, catalogs.inForce()));
    }

    @Override
    public void updateVehicle(UpdateVehicleRequest r, StreamObserver<Vehicle> out) {
        var updated = inventory.updateVehicle(caller(), r.getBrigadeId(), r.getVehicleId(), r.getExpectedVersion(),
                r.hasType() ? r.getType() : null, r.hasPlate() ? r.getPlate() : null,
                EquipmentProtoMapper.vehicleStatus(r.getStatus()));
        reply(out, EquipmentProtoMapper.vehicle(updated, catalogs.inForce()));
    }

    @Override
    public void removeVehicle(RemoveVehicleRequest r, StreamObserver<RemoveVehicleResponse> out) {
        inventory.removeVehicle(caller(), r.getBrigadeId(), r.getVehicleId(),
                r.hasExpectedVersion() ? r.getExpectedVersion() : null);
        reply(out, RemoveVehicleResponse.getDefaultInstance());
    }

    @Override
    public void listEquipment(ListEquipmentRequest request, StreamObserver<ListEquipmentResponse> out) {
        Caller caller = caller();
        List<EquipmentItem> items = inventory.equipment(caller, request.getBrigadeId());
        List<EquipmentCheck> checks = records.checks(caller, request.getBrigadeId());
        Inventory view = new Inventory(List.of(), items, checks, List.of());
        LocalDate today = time.today();
        ListEquipmentResponse.Builder response = ListEquipmentResponse.newBuilder();
        for (EquipmentItem item : items) {
            var last = view.latestCheck(today).flatMap(c -> c.findingFor(item.id())).map(ItemFinding::finding).orElse(null);
            response.addItems(EquipmentProtoMapper.item(item, view.usable(item, today), last));
        }
        reply(out, response.build());
    }

    @Override
    public void addEquipment(AddEquipmentRequest r, StreamObserver<cn.jincheng.brigades.proto.equipment.v1.EquipmentItem> out) {
        EquipmentItem item = inventory.addEquipment(caller(), r.getBrigadeId(), emptyToNull(r.getItemCode()),
                r.getQuantity(), ProtoTime.localDate(r.getExpiresOn(), r.hasExpiresOn(), "expiresOn"),
                r.getSerialNumbersList());
        reply(out, EquipmentProtoMapper.item(item, item.expiredOn(time.today()) ? 0 : item.quantity(), null));
    }

    @Override
    public StreamObserver<ImportVehiclesChunk> importVehicles(StreamObserver<ImportResult> out) {
        Caller caller = caller();
        return new ImportStream<>(out, ImportVehiclesChunk::getOptions,
                chunk -> chunk.getRowsList().stream().map(EquipmentProtoMapper::vehicleRow).toList(),
                (options, rows) -> imports.importVehicles(caller, options, rows));
    }

    @Override
    public StreamObserver<ImportEquipmentChunk> importEquipment(StreamObserver<ImportResult> out) {
        Caller caller = caller();
        return new ImportStream<>(out, ImportEquipmentChunk::getOptions,
                chunk -> chunk.getRowsList().stream().map(EquipmentProtoMapper::itemRow).toList(),
                (options, rows) -> imports.importEquipment(caller, options, rows));
    }

    @Override
    public void recordEquipmentCheck(RecordEquipmentCheckRequest r,
            StreamObserver<cn.jincheng.brigades.proto.equipment.v1.EquipmentCheck> out) {
        List<ItemFinding> findings = new ArrayList<>();
        for (int i = 0; i < r.getFindingsCount(); i++) {
            findings.add(EquipmentProtoMapper.finding(r.getFindings(i), "findings[" + i + "]"));
        }
        reply(out, EquipmentProtoMapper.check(records.recordCheck(caller(), r.getBrigadeId(),
                ProtoTime.localDate(r.getDate(), r.hasDate(), "date"), findings, r.getNotes())));
    }

    @Override
    public void listEquipmentChecks(ListEquipmentChecksRequest r, StreamObserver<ListEquipmentChecksResponse> out) {
        reply(out, ListEquipmentChecksResponse.newBuilder().addAllChecks(records.checks(caller(), r.getBrigadeId())
                .stream().map(EquipmentProtoMapper::check).toList()).build());
    }

    @Override
    public void recordDrill(RecordDrillRequest r, StreamObserver<Drill> out) {
        reply(out, EquipmentProtoMapper.drill(records.recordDrill(caller(), r.getBrigadeId(),
                ProtoTime.localDate(r.getDate(), r.hasDate(), "date"), r.getPassed(), r.getNotes())));
    }

    @Override
    public void listDrills(ListDrillsRequest r, StreamObserver<ListDrillsResponse> out) {
        reply(out, ListDrillsResponse.newBuilder().addAllDrills(records.drills(caller(), r.getBrigadeId()).stream()
                .map(EquipmentProtoMapper::drill).toList()).build());
    }

    @Override
    public void evaluateCompliance(EvaluateComplianceRequest r, StreamObserver<BrigadeCompliance> out) {
        List<BrigadeRef> refs = new ArrayList<>();
        for (int i = 0; i < r.getBrigadesCount(); i++) {
            var b = r.getBrigades(i);
            Tier tier = EquipmentProtoMapper.optionalFromProto(Tier.class, b.getTier(), "STANDARD_TIER_",
                    "brigades[" + i + "].tier");
            refs.add(new BrigadeRef(b.getBrigadeId(), b.getLevel(), tier, b.hasHeadcount() ? b.getHeadcount() : null));
        }
        ServerCallStreamObserver<BrigadeCompliance> stream = (ServerCallStreamObserver<BrigadeCompliance>) out;
        compliance.evaluate(caller(), refs, r.getYear(),
                ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf"),
                r.hasCatalogVersion() ? r.getCatalogVersion() : null, e -> {
                    if (!stream.isCancelled()) {
                        stream.onNext(EquipmentProtoMapper.compliance(e));
                    }
                });
        stream.onCompleted();
    }

    @Override
    public void listExpiringItems(ListExpiringItemsRequest r, StreamObserver<ListExpiringItemsResponse> out) {
        int within = r.getWithinDays() == 0 ? 30 : r.getWithinDays();
        reply(out, ListExpiringItemsResponse.newBuilder().addAllItems(compliance.expiring(caller(),
                emptyToNull(r.getBrigadeId()), emptyToNull(r.getCountyId()),
                ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf"), within).stream()
                .map(EquipmentProtoMapper::expiring).toList()).build());
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest r, StreamObserver<ListAuditEntriesResponse> out) {
        directory.countyOf(caller(), r.getBrigadeId()); // 404 unknown, 403 another county
        reply(out, AuditPages.list(auditTrail, r));
    }

    @Override
    public void verifyAuditChain(VerifyAuditChainRequest r, StreamObserver<VerifyAuditChainResponse> out) {
        reply(out, AuditPages.verify(auditTrail, caller()));
    }

    private static Caller caller() {
        return CallerContext.current();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
