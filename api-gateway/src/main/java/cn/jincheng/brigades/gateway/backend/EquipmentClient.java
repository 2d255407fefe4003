package cn.jincheng.brigades.gateway.backend;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainRequest;
import cn.jincheng.brigades.proto.audit.v1.VerifyAuditChainResponse;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesRequest;
import cn.jincheng.brigades.proto.audit.v1.ListAuditEntriesResponse;
import cn.jincheng.brigades.proto.equipment.v1.AddEquipmentRequest;
import cn.jincheng.brigades.proto.equipment.v1.AddVehicleRequest;
import cn.jincheng.brigades.proto.equipment.v1.Catalog;
import cn.jincheng.brigades.proto.equipment.v1.Drill;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentCheck;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentItem;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
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
import reactor.core.publisher.Mono;

/** equipment-service as the gateway calls it: async stubs on the shared channel, every call guarded. */
@Component
public class EquipmentClient {

    private final EquipmentServiceGrpc.EquipmentServiceFutureStub stub;
    private final EquipmentServiceGrpc.EquipmentServiceStub streams;
    private final BackendCalls calls;
    private final IdentityTokens identity;

    public EquipmentClient(BackendChannels channels, BackendCalls calls, IdentityTokens identity) {
        this.stub = channels.unaryStub(Backend.EQUIPMENT, EquipmentServiceGrpc::newFutureStub);
        this.streams = EquipmentServiceGrpc.newStub(channels.channel(Backend.EQUIPMENT));
        this.calls = calls;
        this.identity = identity;
    }

    private EquipmentServiceGrpc.EquipmentServiceFutureStub as(Caller caller) {
        return stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    public Mono<Catalog> catalog(Caller caller, GetCatalogRequest request) {
        return calls.read(Backend.EQUIPMENT, () -> as(caller).getCatalog(request));
    }

    public Mono<ListCatalogVersionsResponse> catalogVersions(Caller caller) {
        return calls.read(Backend.EQUIPMENT, () -> as(caller).listCatalogVersions(ListCatalogVersionsRequest.getDefaultInstance()));
    }

    public Mono<Catalog> publishCatalog(Caller caller, PublishCatalogRequest request) {
        return calls.write(Backend.EQUIPMENT, () -> as(caller).publishCatalog(request));
    }

    public Mono<ListVehiclesResponse> vehicles(Caller caller, String brigadeId) {
        return calls.read(Backend.EQUIPMENT,
                () -> as(caller).listVehicles(ListVehiclesRequest.newBuilder().setBrigadeId(brigadeId).build()));
    }

    public Mono<Vehicle> addVehicle(Caller caller, AddVehicleRequest request) {
        return calls.write(Backend.EQUIPMENT, () -> as(caller).addVehicle(request));
    }

    public Mono<Vehicle> updateVehicle(Caller caller, UpdateVehicleRequest request) {
        return calls.write(Backend.EQUIPMENT, () -> as(caller).updateVehicle(request));
    }

    public Mono<RemoveVehicleResponse> removeVehicle(Caller caller, RemoveVehicleRequest request) {
        return calls.write(Backend.EQUIPMENT, () -> as(caller).removeVehicle(request));
    }

    public Mono<ListEquipmentResponse> equipment(Caller caller, String brigadeId) {
        return calls.read(Backend.EQUIPMENT,
                () -> as(caller).listEquipment(ListEquipmentRequest.newBuilder().setBrigadeId(brigadeId).build()));
    }

    public Mono<EquipmentItem> addEquipment(Caller caller, AddEquipmentRequest request) {
        return calls.write(Backend.EQUIPMENT, () -> as(caller).addEquipment(request));
    }

    public Mono<EquipmentCheck> recordCheck(Caller caller, RecordEquipmentCheckRequest request) {
        return calls.write(Backend.EQUIPMENT, () -> as(caller).recordEquipmentCheck(request));
    }

    public Mono<ListEquipmentChecksResponse> checks(Caller caller, String brigadeId) {
        return calls.read(Backend.EQUIPMENT, () -> as(caller)
                .listEquipmentChecks(ListEquipmentChecksRequest.newBuilder().setBrigadeId(brigadeId).build()));
    }

    public Mono<Drill> recordDrill(Caller caller, RecordDrillRequest request) {
        return calls.write(Backend.EQUIPMENT, () -> as(caller).recordDrill(request));
    }

    public Mono<ListDrillsResponse> drills(Caller caller, String brigadeId) {
        return calls.read(Backend.EQUIPMENT,
                () -> as(caller).listDrills(ListDrillsRequest.newBuilder().setBrigadeId(brigadeId).build()));
    }

    public Mono<ListExpiringItemsResponse> expiring(Caller caller, ListExpiringItemsRequest request) {
        return calls.read(Backend.EQUIPMENT, () -> as(caller).listExpiringItems(request));
    }

    public Mono<ListAuditEntriesResponse> listAuditEntries(Caller caller, ListAuditEntriesRequest request) {
        return calls.read(Backend.EQUIPMENT, () -> as(caller).listAuditEntries(request));
    }

    public Mono<VerifyAuditChainResponse> verifyAuditChain(Caller caller) {
        return verifyAuditChain(caller, VerifyAuditChainRequest.getDefaultInstance());
    }

    /** The check of every chain, also against the anchors in the request. */
    public Mono<VerifyAuditChainResponse> verifyAuditChain(Caller caller, VerifyAuditChainRequest request) {
        // a walk over the whole trail: longer than a plain read
        return calls.read(Backend.EQUIPMENT, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis() * 10, TimeUnit.MILLISECONDS)
                .verifyAuditChain(request));
    }

    /** Signed heads of the brigades' audit chains in this service. */
    public Mono<cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsResponse> auditHeads(Caller caller,
            java.util.List<String> brigadeIds) {
        return calls.read(Backend.EQUIPMENT, () -> stub.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .getAuditHeads(cn.jincheng.brigades.proto.audit.v1.GetAuditHeadsRequest.newBuilder()
                        .addAllBrigadeIds(brigadeIds).build()));
    }

    /** The import's stub: the caller's identity and the import deadline. */
    private EquipmentServiceGrpc.EquipmentServiceStub streaming(Caller caller) {
        return streams.withCallCredentials(identity.credentials(caller))
                .withDeadlineAfter(calls.importDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    public Mono<cn.jincheng.brigades.proto.imports.v1.ImportResult> importVehicles(Caller caller, java.util.List<cn.jincheng.brigades.proto.equipment.v1.ImportVehiclesChunk> chunks) {
        return calls.upload(Backend.EQUIPMENT, out -> streaming(caller).importVehicles(out), chunks);
    }

    public Mono<cn.jincheng.brigades.proto.imports.v1.ImportResult> importEquipment(Caller caller, java.util.List<cn.jincheng.brigades.proto.equipment.v1.ImportEquipmentChunk> chunks) {
        return calls.upload(Backend.EQUIPMENT, out -> streaming(caller).importEquipment(out), chunks);
    }
}
