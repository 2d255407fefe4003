package cn.jincheng.brigades.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.grpc.identity.BearerCallCredentials;
import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.proto.directory.v1.BrigadeDirectoryReplicaGrpc;
import cn.jincheng.brigades.proto.equipment.v1.EquipmentServiceGrpc;
import cn.jincheng.brigades.proto.staffing.v1.StaffingServiceGrpc;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import cn.jincheng.brigades.system.AuthorizationMatrixIT.Action;
import cn.jincheng.brigades.system.AuthorizationMatrixIT.Who;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;

/**
 * Calls every RPC of every service directly, past the gateway: with no identity, a forged one
 * (signed by a key the services never trusted) and garbage, each must be UNAUTHENTICATED; with an
 * identity signed by the stack's own key for each role and county, the service itself must refuse
 * exactly what api-v1.md's table refuses (PERMISSION_DENIED) and let the rest through. Requests
 * name the brigade (or county) and nothing else: authorization comes before validation, so an
 * unauthorized caller learns nothing about what a valid request would be.
 */
final class ServiceAuthorizationCheck {

    record Result(int methods, int cells, List<String> wrong, List<String> unclassified, Map<Status.Code, Integer> codes) {
    }

    /** Each RPC's row in the table; RecordInspection has one row per stage. */
    static final Map<String, Action> TABLE = Map.ofEntries(
            Map.entry("StationService/ListCounties", Action.LIST),
            Map.entry("StationService/ListBrigades", Action.LIST),
            Map.entry("StationService/GetBrigade", Action.READ),
            Map.entry("StationService/ImportBrigades", Action.ADMIN),
            Map.entry("EquipmentService/ImportVehicles", Action.IMPORT),
            Map.entry("EquipmentService/ImportEquipment", Action.IMPORT),
            Map.entry("StaffingService/ImportFirefighters", Action.IMPORT),
            Map.entry("StationService/BatchGetBrigades", Action.LIST),
            Map.entry("StationService/UpdateBrigade", Action.EDIT),
            Map.entry("StationService/ChangeConstructionMode", Action.ADMIN),
            Map.entry("StationService/ListMilestones", Action.READ),
            Map.entry("StationService/SubmitMilestone", Action.EDIT),
            Map.entry("StationService/DecideMilestone", Action.DECIDE),
            Map.entry("StationService/GetSupervisionList", Action.LIST),
            Map.entry("StationService/ListAuditEntries", Action.READ),
            Map.entry("StationService/VerifyAuditChain", Action.VERIFY),
            // signed heads for a report: only the brigades the caller may read come back
            Map.entry("StationService/GetAuditHeads", Action.LIST),
            Map.entry("StationService/GetCompliance", Action.READ),
            Map.entry("StationService/ListBrigadeStandards", Action.READ),
            Map.entry("StationService/RecordInspection#COUNTY", Action.INSPECT_COUNTY),
            Map.entry("StationService/RecordInspection#CITY", Action.INSPECT_CITY),
            Map.entry("StationService/ListInspections", Action.READ),
            Map.entry("StationService/GetAcceptanceReport", Action.LIST),
            Map.entry("StationService/GetCountyAcceptance", Action.READ),
            Map.entry("StationService/ListCountyAcceptances", Action.LIST),
            Map.entry("StationService/UpdateCountySummary", Action.EDIT),
            Map.entry("StationService/RecordCountyOutcome", Action.DECIDE),
            Map.entry("StationService/GetCatchUp", Action.READ),
            Map.entry("EquipmentService/GetCatalog", Action.LIST),
            Map.entry("EquipmentService/ListCatalogVersions", Action.LIST),
            Map.entry("EquipmentService/PublishCatalog", Action.ADMIN),
            Map.entry("EquipmentService/ListVehicles", Action.READ),
            Map.entry("EquipmentService/AddVehicle", Action.EDIT),
            Map.entry("EquipmentService/UpdateVehicle", Action.EDIT),
            Map.entry("EquipmentService/RemoveVehicle", Action.EDIT),
            Map.entry("EquipmentService/ListEquipment", Action.READ),
            Map.entry("EquipmentService/AddEquipment", Action.EDIT),
            Map.entry("EquipmentService/RecordEquipmentCheck", Action.CHECK),
            Map.entry("EquipmentService/ListEquipmentChecks", Action.READ),
            Map.entry("EquipmentService/RecordDrill", Action.CHECK),
            Map.entry("EquipmentService/ListDrills", Action.READ),
            Map.entry("EquipmentService/EvaluateCompliance", Action.LIST),
            Map.entry("EquipmentService/ListExpiringItems", Action.READ),
            Map.entry("EquipmentService/ListAuditEntries", Action.READ),
            Map.entry("EquipmentService/VerifyAuditChain", Action.VERIFY),
            // signed heads for a report: only the brigades the caller may read come back
            Map.entry("EquipmentService/GetAuditHeads", Action.LIST),
            Map.entry("StaffingService/ListFirefighters", Action.READ),
            Map.entry("StaffingService/AddFirefighter", Action.EDIT),
            Map.entry("StaffingService/RecordDeparture", Action.EDIT),
            Map.entry("StaffingService/PutFunding", Action.EDIT),
            Map.entry("StaffingService/ListFunding", Action.READ),
            Map.entry("StaffingService/GetCountyFunding", Action.READ),
            Map.entry("StaffingService/GetRules", Action.LIST),
            Map.entry("StaffingService/PublishRules", Action.ADMIN),
            Map.entry("StaffingService/EvaluateCompliance", Action.LIST),
            Map.entry("StaffingService/ListAuditEntries", Action.READ),
            Map.entry("StaffingService/VerifyAuditChain", Action.VERIFY),
            // signed heads for a report: only the brigades the caller may read come back
            Map.entry("StaffingService/GetAuditHeads", Action.LIST),
            Map.entry("BrigadeDirectoryReplica/ReplicateBrigades", Action.STATION_SERVICE),
            Map.entry("BrigadeDirectoryReplica/GetReplicaState", Action.STATION_SERVICE));

    private final RunningStack stack;
    private final String brigade;
    private final String county;
    private final List<String> wrong = new ArrayList<>();
    private final List<String> unclassified = new ArrayList<>();
    private final Map<Status.Code, Integer> codes = new java.util.TreeMap<>();
    private int cells;
    private int methods;

    ServiceAuthorizationCheck(RunningStack stack, String brigade, String county) {
        this.stack = stack;
        this.brigade = brigade;
        this.county = county;
    }

    Result run() throws Exception {
        InternalTokenIssuer trusted = issuer(stack.dataDir.resolve("keys/internal-identity.jwk"));
        Path elsewhere = Files.createTempDirectory("forged-key");
        InternalTokenIssuer forger = issuer(elsewhere.resolve("forged.jwk"));
        check(stack.port("STATION_PORT"), StationServiceGrpc.getServiceDescriptor(), trusted, forger);
        check(stack.port("EQUIPMENT_PORT"), EquipmentServiceGrpc.getServiceDescriptor(), trusted, forger);
        check(stack.port("STAFFING_PORT"), StaffingServiceGrpc.getServiceDescriptor(), trusted, forger);
        for (String port : List.of("EQUIPMENT_PORT", "STAFFING_PORT")) {
            check(stack.port(port), BrigadeDirectoryReplicaGrpc.getServiceDescriptor(), trusted, forger);
            checkStationServiceMay(stack.port(port));
        }
        return new Result(methods, cells, wrong, unclassified, codes);
    }

    /** The directory copy's RPCs are station-service's, signed with its own key: those pass. */
    private void checkStationServiceMay(int port) throws InterruptedException {
        InternalTokenIssuer station = InternalTokenIssuer.forStation(
                IdentityKeyStore.loadOrCreate(stack.dataDir.resolve("keys/station-identity.jwk")), Duration.ofMinutes(5),
                Clock.systemUTC());
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            for (MethodDescriptor<?, ?> method : BrigadeDirectoryReplicaGrpc.getServiceDescriptor().getMethods()) {
                Status.Code code = call(channel, method, request(method, ""),
                        new BearerCallCredentials(station.issue(InternalTokenIssuer.stationService())));
                if (code != Status.Code.OK) {
                    wrong.add(method.getFullMethodName() + " as station-service: expected OK, got " + code);
                }
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static InternalTokenIssuer issuer(Path keyFile) {
        return new InternalTokenIssuer(IdentityKeyStore.loadOrCreate(keyFile), Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    private void check(int port, ServiceDescriptor service, InternalTokenIssuer trusted, InternalTokenIssuer forger)
            throws InterruptedException {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            String serviceName = service.getName().substring(service.getName().lastIndexOf('.') + 1);
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                methods++;
                List<String> rows = method.getBareMethodName().equals("RecordInspection")
                        ? List.of("#COUNTY", "#CITY") : List.of("");
                for (String row : rows) {
                    String name = serviceName + "/" + method.getBareMethodName() + row;
                    Action action = TABLE.get(name);
                    if (action == null) {
                        unclassified.add(name);
                        continue;
                    }
                    Message request = request(method, row);
                    for (Who who : Who.values()) {
                        Status.Code code = call(channel, method, request,
                                new BearerCallCredentials(trusted.issue(caller(who))));
                        boolean expectAllowed = AuthorizationMatrixIT.allowed(action, who);
                        boolean ok = expectAllowed
                                ? code != Status.Code.PERMISSION_DENIED && code != Status.Code.UNAUTHENTICATED
                                        && code != Status.Code.INTERNAL && code != Status.Code.UNKNOWN
                                : code == Status.Code.PERMISSION_DENIED;
                        if (!ok) {
                            wrong.add(name + " as " + who + ": expected " + (expectAllowed ? "allowed" : "PERMISSION_DENIED")
                                    + ", got " + code);
                        }
                    }
                    Map<String, CallCredentials> strangers = new java.util.LinkedHashMap<>();
                    strangers.put("no identity", null);
                    strangers.put("a forged identity", new BearerCallCredentials(forger.issue(caller(Who.CITY_ADMIN))));
                    strangers.put("a garbage identity", new BearerCallCredentials("not.a.token"));
                    for (String stranger : strangers.keySet()) {
                        Status.Code code = call(channel, method, request, strangers.get(stranger));
                        if (code != Status.Code.UNAUTHENTICATED) {
                            wrong.add(name + " with " + stranger + ": expected UNAUTHENTICATED, got " + code);
                        }
                    }
                }
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private Caller caller(Who who) {
        return switch (who) {
            case CITY_ADMIN -> new Caller("admin", Role.CITY_ADMIN, null);
            case CITY_INSPECTOR -> new Caller("inspector", Role.CITY_INSPECTOR, null);
            case FIRE_DEPT -> new Caller("firedept", Role.FIRE_DEPT, null);
            case CLERK_OWN_COUNTY -> new Caller("clerk-" + county, Role.COUNTY_CLERK, county);
            case CLERK_OTHER_COUNTY -> new Caller("clerk-gaoping", Role.COUNTY_CLERK, "gaoping");
        };
    }

    /**
     * The request's empty prototype naming only the brigade (or, for what is asked of a county, its
     * county: a list's county is a filter and stays empty), and the stage for inspections.
     */
    private Message request(MethodDescriptor<?, ?> method, String row) {
        Message prototype = (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
                .getMessagePrototype();
        Message.Builder builder = prototype.toBuilder();
        FieldDescriptor brigadeField = field(builder, "brigade_id", "id");
        if (brigadeField != null) {
            builder.setField(brigadeField, brigade);
        } else if (builder.getDescriptorForType().findFieldByName("county_id") != null
                && TABLE.get(serviceOf(method) + "/" + method.getBareMethodName()) != Action.LIST) {
            builder.setField(builder.getDescriptorForType().findFieldByName("county_id"), county);
        }
        FieldDescriptor year = builder.getDescriptorForType().findFieldByName("year");
        if (year != null && year.getJavaType() == FieldDescriptor.JavaType.INT) {
            builder.setField(year, 2019);
        }
        if (!row.isEmpty()) {
            FieldDescriptor stage = builder.getDescriptorForType().findFieldByName("stage");
            EnumValueDescriptor value = stage.getEnumType().getValues().stream()
                    .filter(v -> v.getName().endsWith("_" + row.substring(1))).findFirst().orElseThrow();
            builder.setField(stage, value);
        }
        return builder.build();
    }

    private static String serviceOf(MethodDescriptor<?, ?> method) {
        String service = method.getServiceName();
        return service.substring(service.lastIndexOf('.') + 1);
    }

    private static FieldDescriptor field(Message.Builder builder, String... names) {
        for (String name : names) {
            FieldDescriptor field = builder.getDescriptorForType().findFieldByName(name);
            if (field != null && field.getJavaType() == FieldDescriptor.JavaType.STRING && !field.isRepeated()) {
                return field;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private Status.Code call(ManagedChannel channel, MethodDescriptor<?, ?> method, Message request,
            CallCredentials credentials) {
        cells++;
        MethodDescriptor<Message, Message> typed = (MethodDescriptor<Message, Message>) method;
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
        if (credentials != null) {
            options = options.withCallCredentials(credentials);
        }
        try {
            if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
                Iterator<Message> answers = ClientCalls.blockingServerStreamingCall(channel, typed, options, request);
                while (answers.hasNext()) {
                    answers.next();
                }
            } else {
                ClientCalls.blockingUnaryCall(channel, typed, options, request);
            }
            codes.merge(Status.Code.OK, 1, Integer::sum);
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            codes.merge(e.getStatus().getCode(), 1, Integer::sum);
            return e.getStatus().getCode();
        }
    }
}
