package cn.jincheng.brigades.equipment.grpc;

import static cn.jincheng.brigades.common.grpc.Replies.reply;
import static cn.jincheng.brigades.equipment.grpc.ProtoEnums.emptyToNull;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.jincheng.brigades.common.domain.audit.BrigadeAuditTrail;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.grpc.AuditPages;
import cn.jincheng.brigades.common.grpc.ImportProtos;
import cn.jincheng.brigades.common.grpc.ImportStream;
import cn.jincheng.brigades.common.grpc.ProtoTime;
import cn.jincheng.brigades.common.grpc.identity.CallerContext;
import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.domain.catalog.CatalogService;
import cn.jincheng.brigades.equipment.domain.compliance.BrigadeRef;
import cn.jincheng.brigades.equipment.domain.compliance.ComplianceService;
import cn.jincheng.brigades.equipment.domain.compliance.EquipmentHoldings;
import cn.jincheng.brigades.equipment.domain.inventory.FireDepartmentRecords;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryImports;
import cn.jincheng.brigades.equipment.domain.inventory.InventoryService;
import cn.jincheng.brigades.equipment.domain.inventory.ItemFinding;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.proto.equipment.v1.AddEquipmentRequest;
import cn.jincheng.brigades.proto.equipment.v1.AddVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.BrigadeCompliance;
import cn.jincheng.brigades.proto.equipment.v1.Drill;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
import cn.jincheng.brigades.proto.equipment.v1.EvaluateComplianceRequest;
import cn.jincheng.brigades.proto.equipment.v1.GetCatalogRequest;
import cn.jincheng.brigades.proto.equipment.v1.ImportEquipmentChunk;
import cn.jincheng.brigades.proto.equipment.v1.ImportVehiclesChunk;
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
import cn.jincheng.brigades.proto.imports.v1.ImportResult;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/** equipment.v1 over gRPC: maps messages and delegates; the domain services decide. */
@Service
class EquipmentGrpcService extends EquipmentServiceGrpc.EquipmentServiceImplBase {

    private final CatalogService catalogs;
    private final InventoryService inventory;
    private final EquipmentHoldings holdings;
    private final InventoryImports imports;
    private final FireDepartmentRecords records;
    private final ComplianceService compliance;
    private final BrigadeAuditTrail audit;

    EquipmentGrpcService(CatalogService catalogs, InventoryService inventory, EquipmentHoldings holdings,
            InventoryImports imports, FireDepartmentRecords records, ComplianceService compliance,
            BrigadeAuditTrail audit) {
        this.catalogs = catalogs;
        this.inventory = inventory;
        this.holdings = holdings;
        this.imports = imports;
        this.records = records;
        this.compliance = compliance;
        this.audit = audit;
    }

    @Override
    public void getCatalog(GetCatalogRequest request, StreamObserver<cn.jincheng.brigades.proto.equipment.v1.Catalog> out) {
        reply(out, CatalogProtoMapper.catalog(catalogs.version(request.hasVersion() ? request.getVersion() : null)));
    }

    @Override
    public void listCatalogVersions(ListCatalogVersionsRequest request, StreamObserver<ListCatalogVersionsResponse> out) {
        reply(out, ListCatalogVersionsResponse.newBuilder()
                .addAllVersions(catalogs.versions().stream().map(CatalogProtoMapper::header).toList()).build());
    }

    @Override
    public void publishCatalog(PublishCatalogRequest r, StreamObserver<cn.jincheng.brigades.proto.equipment.v1.Catalog> out) {
        CatalogService.Publication publication = CatalogProtoMapper.publication(r);
        reply(out, CatalogProtoMapper.catalog(catalogs.publish(caller(), publication)));
    }

    @Override
    public void listVehicles(ListVehiclesRequest request, StreamObserver<ListVehiclesResponse> out) {
        Catalog catalog = catalogs.inForce();
        reply(out, ListVehiclesResponse.newBuilder().addAllVehicles(inventory.vehicles(caller(), request.getBrigadeId())
                .stream().map(v -> InventoryProtoMapper.vehicle(v, catalog)).toList()).build());
    }

    @Override
    public void addVehicle(AddVehicleRequest r, StreamObserver<Vehicle> out) {
        var added = inventory.addVehicle(caller(), r.getBrigadeId(), emptyToNull(r.getType()), r.getPlate(),
                InventoryProtoMapper.vehicleStatus(r.getStatus()));
        reply(out, InventoryProtoMapper.vehicle(added, catalogs.inForce()));
    }

    @Override
    public void updateVehicle(UpdateVehicleRequest r, StreamObserver<Vehicle> out) {
        var updated = inventory.updateVehicle(caller(), r.getBrigadeId(), r.getVehicleId(), r.getExpectedVersion(),
                r.hasType() ? r.getType() : null, r.hasPlate() ? r.getPlate() : null,
                InventoryProtoMapper.vehicleStatus(r.getStatus()));
        reply(out, InventoryProtoMapper.vehicle(updated, catalogs.inForce()));
    }

    @Override
    public void removeVehicle(RemoveVehicleRequest r, StreamObserver<RemoveVehicleResponse> out) {
        inventory.removeVehicle(caller(), r.getBrigadeId(), r.getVehicleId(),
                r.hasExpectedVersion() ? r.getExpectedVersion() : null);
        reply(out, RemoveVehicleResponse.getDefaultInstance());
    }

    @Override
    public void listEquipment(ListEquipmentRequest request, StreamObserver<ListEquipmentResponse> out) {
        reply(out, ListEquipmentResponse.newBuilder().addAllItems(holdings.list(caller(), request.getBrigadeId())
                .stream().map(InventoryProtoMapper::item).toList()).build());
    }

    @Override
    public void addEquipment(AddEquipmentRequest r, StreamObserver<cn.jincheng.brigades.proto.equipment.v1.EquipmentItem> out) {
        reply(out, InventoryProtoMapper.item(holdings.add(caller(), r.getBrigadeId(), emptyToNull(r.getItemCode()),
                r.getQuantity(), ProtoTime.localDate(r.getExpiresOn(), r.hasExpiresOn(), "expiresOn"),
                r.getSerialNumbersList())));
    }

    @Override
    public StreamObserver<ImportVehiclesChunk> importVehicles(StreamObserver<ImportResult> out) {
        Caller caller = caller();
        return new ImportStream<>(out, ImportVehiclesChunk::getOptions,
                chunk -> chunk.getRowsList().stream().map(InventoryProtoMapper::vehicleRow).toList(),
                (options, rows) -> ImportProtos.result(
                        imports.importVehicles(caller, ImportProtos.options(options), rows)));
    }

    @Override
    public StreamObserver<ImportEquipmentChunk> importEquipment(StreamObserver<ImportResult> out) {
        Caller caller = caller();
        return new ImportStream<>(out, ImportEquipmentChunk::getOptions,
                chunk -> chunk.getRowsList().stream().map(InventoryProtoMapper::itemRow).toList(),
                (options, rows) -> ImportProtos.result(
                        imports.importEquipment(caller, ImportProtos.options(options), rows)));
    }

    @Override
    public void recordEquipmentCheck(RecordEquipmentCheckRequest r,
            StreamObserver<cn.jincheng.brigades.proto.equipment.v1.EquipmentCheck> out) {
        List<ItemFinding> findings = InventoryProtoMapper.findings(r);
        reply(out, InventoryProtoMapper.check(records.recordCheck(caller(), r.getBrigadeId(),
                ProtoTime.localDate(r.getDate(), r.hasDate(), "date"), findings, r.getNotes())));
    }

    @Override
    public void listEquipmentChecks(ListEquipmentChecksRequest r, StreamObserver<ListEquipmentChecksResponse> out) {
        reply(out, ListEquipmentChecksResponse.newBuilder().addAllChecks(records.checks(caller(), r.getBrigadeId())
                .stream().map(InventoryProtoMapper::check).toList()).build());
    }

    @Override
    public void recordDrill(RecordDrillRequest r, StreamObserver<Drill> out) {
        reply(out, InventoryProtoMapper.drill(records.recordDrill(caller(), r.getBrigadeId(),
                ProtoTime.localDate(r.getDate(), r.hasDate(), "date"), r.getPassed(), r.getNotes())));
    }

    @Override
    public void listDrills(ListDrillsRequest r, StreamObserver<ListDrillsResponse> out) {
        reply(out, ListDrillsResponse.newBuilder().addAllDrills(records.drills(caller(), r.getBrigadeId()).stream()
                .map(InventoryProtoMapper::drill).toList()).build());
    }

    @Override
    public void evaluateCompliance(EvaluateComplianceRequest r, StreamObserver<BrigadeCompliance> out) {
        List<BrigadeRef> brigades = ComplianceProtoMapper.brigades(r);
        ServerCallStreamObserver<BrigadeCompliance> stream = (ServerCallStreamObserver<BrigadeCompliance>) out;
        compliance.evaluate(caller(), brigades, r.getYear(),
                ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf"),
                r.hasCatalogVersion() ? r.getCatalogVersion() : null, e -> {
                    if (!stream.isCancelled()) {
                        stream.onNext(ComplianceProtoMapper.compliance(e, r.getUnmetOnly()));
                    }
                });
        stream.onCompleted();
    }

    @Override
    public void listExpiringItems(ListExpiringItemsRequest r, StreamObserver<ListExpiringItemsResponse> out) {
        reply(out, ListExpiringItemsResponse.newBuilder().addAllItems(compliance.expiring(caller(),
                emptyToNull(r.getBrigadeId()), emptyToNull(r.getCountyId()),
                ProtoTime.localDate(r.getAsOf(), r.hasAsOf(), "asOf"),
                r.getWithinDays() == 0 ? null : r.getWithinDays()).stream()
                .map(ComplianceProtoMapper::expiring).toList()).build());
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest r, StreamObserver<ListAuditEntriesResponse> out) {
        reply(out, AuditPages.list(audit.of(caller(), r.getBrigadeId()), r));
    }

    @Override
    public void verifyAuditChain(VerifyAuditChainRequest r, StreamObserver<VerifyAuditChainResponse> out) {
        reply(out, AuditPages.verification(audit.verify(caller(), AuditPages.anchors(r))));
    }

    @Override
    public void getAuditHeads(cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsRequest r,
            StreamObserver<cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse> out) {
        reply(out, AuditPages.heads(audit.heads(caller(), AuditPages.headIds(r))));
    }

    private static Caller caller() {
        return CallerContext.current();
    }
}
