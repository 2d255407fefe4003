package cn.jincheng.brigades.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.common.grpc.identity.BearerCallCredentials;
import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.GetAcceptanceReportRequest;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.GetComplianceRequest;
import cn.jincheng.brigades.proto.station.v1.ListBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.ListCountiesRequest;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import cn.jincheng.brigades.proto.station.v1.UpdateBrigadeRequest;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * What users do, measured two ways in one run: through the gateway's REST API and as the same call
 * made directly over gRPC to station-service (one shared channel, as the gateway has). Each path is a
 * closed loop of {@code connections} callers after a warm-up. GET paths through the gateway are
 * measured with wrk by {@code bench/run.sh}; this class measures the direct side of every path and
 * the gateway side of the two wrk cannot drive: a PATCH with If-Match (each caller edits its own
 * brigade and sends back the ETag it got) and the acceptance report (read to its end).
 *
 * <p>Usage: {@code UserPaths <data-dir> <station host:port> <gateway base URL> <admin token> <path>
 * <connections> <seconds> <warm-up seconds>}, path one of {@code brigade list compliance counties
 * patch report}, or {@code rest-patch} / {@code rest-report} for the gateway side.
 */
public final class UserPaths {

    private static final String BRIGADE = "zezhou-gaodu";

    private UserPaths() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String station = args[1];
        String gateway = args[2];
        String token = args[3];
        String path = args[4];
        int connections = Integer.parseInt(args[5]);
        Duration measure = Duration.ofSeconds(Long.parseLong(args[6]));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[7]));
        ClosedLoop.Result result = path.startsWith("rest-")
                ? rest(gateway, token, path, connections, warmUp, measure)
                : direct(dataDir, station, path, connections, warmUp, measure);
        System.out.println(result.line());
    }

    private static ClosedLoop.Result direct(Path dataDir, String station, String path, int connections, Duration warmUp,
            Duration measure) throws Exception {
        InternalTokenIssuer issuer = new InternalTokenIssuer(
                IdentityKeyStore.loadOrCreate(dataDir.resolve("keys/internal-identity.jwk")), Duration.ofMinutes(10),
                TimeSource.systemClock());
        ManagedChannel channel = NettyChannelBuilder.forTarget(station).usePlaintext().build();
        StationServiceGrpc.StationServiceBlockingStub stub = StationServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(new BearerCallCredentials(issuer.issue(new Caller("bench", Role.CITY_ADMIN, null))));
        List<Brigade> brigades = stub.listBrigades(ListBrigadesRequest.getDefaultInstance()).getBrigadesList();
        try {
            return ClosedLoop.run("gRPC " + path + " (direct)", connections, warmUp, measure, t -> {
                // a deadline is fixed when the stub is made: a fresh one for every call
                java.util.function.Supplier<StationServiceGrpc.StationServiceBlockingStub> s =
                        () -> stub.withDeadlineAfter(30, TimeUnit.SECONDS);
                return switch (path) {
                    case "brigade" -> () -> s.get().getBrigade(GetBrigadeRequest.newBuilder().setId(BRIGADE).build());
                    case "list" -> () -> s.get().listBrigades(ListBrigadesRequest.getDefaultInstance());
                    case "compliance" -> () -> s.get().getCompliance(GetComplianceRequest.newBuilder().setBrigadeId(BRIGADE).build());
                    case "counties" -> () -> s.get().listCounties(ListCountiesRequest.getDefaultInstance());
                    case "report" -> () -> s.get().getAcceptanceReport(GetAcceptanceReportRequest.newBuilder().setYear(2019).build())
                            .forEachRemaining(row -> { });
                    case "patch" -> new GrpcEdit(stub, brigades.get(t % brigades.size()).getId());
                    default -> throw new IllegalArgumentException("no path " + path);
                };
            });
        } finally {
            channel.shutdownNow();
        }
    }

    /** One caller editing its own brigade's notes, each time with the version it last saw. */
    private static final class GrpcEdit implements ClosedLoop.Request {
        private final StationServiceGrpc.StationServiceBlockingStub stub;
        private final String id;
        private long version = -1;
        private int n;

        GrpcEdit(StationServiceGrpc.StationServiceBlockingStub stub, String id) {
            this.stub = stub;
            this.id = id;
        }

        @Override
        public void send() {
            var s = stub.withDeadlineAfter(30, TimeUnit.SECONDS);
            if (version < 0) {
                version = s.getBrigade(GetBrigadeRequest.newBuilder().setId(id).build()).getVersion();
            }
            version = s.updateBrigade(UpdateBrigadeRequest.newBuilder().setId(id).setExpectedVersion(version)
                    .setNotes("bench " + n++).build()).getVersion();
        }
    }

    private static ClosedLoop.Result rest(String gateway, String token, String path, int connections, Duration warmUp,
            Duration measure) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<String> brigades = List.of("zezhou-gaodu", "zezhou-nancun", "zezhou-zhoucun", "zezhou-dayang",
                "zezhou-dadonggou", "gaoping-macun", "gaoping-hexi", "gaoping-sanjia", "gaoping-mishan", "yangcheng-runcheng",
                "yangcheng-dingdian", "yangcheng-dongye", "yangcheng-qinchi", "qinshui-zhongcun", "qinshui-jiafeng",
                "qinshui-zhengcun", "chengqu-beishidian", "lingchuan-liyi", "zezhou-bagong", "yangcheng-beiliu",
                "qinshui-duanshi", "yangcheng-ciying", "lingchuan-fucheng");
        return ClosedLoop.run("REST " + path.substring(5) + " (gateway)", connections, warmUp, measure, t -> switch (path) {
            case "rest-patch" -> new RestEdit(http, gateway, token, brigades.get(t % brigades.size()));
            case "rest-report" -> () -> {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/acceptance/2019/report"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + r.statusCode());
                }
            };
            default -> throw new IllegalArgumentException("no path " + path);
        });
    }

    /** One caller editing its own brigade through the gateway, with the ETag it last got as If-Match. */
    private static final class RestEdit implements ClosedLoop.Request {
        private final HttpClient http;
        private final URI uri;
        private final String token;
        private String etag;
        private int n;

        RestEdit(HttpClient http, String gateway, String token, String id) {
            this.http = http;
            this.uri = URI.create(gateway + "/api/v1/brigades/" + id);
            this.token = token;
        }

        @Override
        public void send() throws Exception {
            if (etag == null) {
                etag = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
            }
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("If-Match", etag)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"notes\":\"bench " + n++ + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode());
            }
            etag = r.headers().firstValue("ETag").orElseThrow();
        }
    }
}
