package cn.jincheng.brigades.bench;

import static com.mongodb.client.model.Filters.eq;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import cn.jincheng.brigades.common.grpc.identity.BearerCallCredentials;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.common.tokens.IdentityKeyStore;
import cn.jincheng.brigades.common.tokens.InternalTokenIssuer;
import cn.jincheng.brigades.common.domain.identity.Role;
import cn.jincheng.brigades.common.domain.time.TimeSource;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;

/**
 * The same read as {@code GET /api/v1/brigades/{id}}, one layer down each time: a gRPC call to
 * station-service (signed as the gateway signs, on one shared channel, as the gateway has), and the
 * MongoDB driver reading the brigade's document from station-service's own store.
 *
 * <p>Usage: {@code DirectReads <data-dir> <station-host:port> <brigade-id> <connections> <seconds> <warm-up seconds>}
 */
public final class DirectReads {

    private DirectReads() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String station = args[1];
        String brigade = args[2];
        int connections = Integer.parseInt(args[3]);
        Duration measure = Duration.ofSeconds(Long.parseLong(args[4]));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[5]));

        InternalTokenIssuer issuer = new InternalTokenIssuer(
                IdentityKeyStore.loadOrCreate(dataDir.resolve("keys/internal-identity.jwk")), Duration.ofMinutes(10),
                TimeSource.systemClock());
        BearerCallCredentials admin = new BearerCallCredentials(issuer.issue(new Caller("bench", Role.CITY_ADMIN, null)));
        ManagedChannel channel = NettyChannelBuilder.forTarget(station).usePlaintext().build();
        StationServiceGrpc.StationServiceBlockingStub stub = StationServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(admin);
        GetBrigadeRequest request = GetBrigadeRequest.newBuilder().setId(brigade).build();
        ClosedLoop.Result grpc = ClosedLoop.run("gRPC GetBrigade (direct)", connections, warmUp, measure,
                t -> () -> stub.withDeadlineAfter(10, TimeUnit.SECONDS).getBrigade(request));
        System.out.println(grpc.line());
        channel.shutdownNow();

        String uri = Files.readString(dataDir.resolve("run/mongo.uri")).trim();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> brigades = client.getDatabase("station").getCollection("brigades");
            ClosedLoop.Result mongo = ClosedLoop.run("MongoDB find by _id (raw)", connections, warmUp, measure,
                    t -> () -> {
                        if (brigades.find(eq("_id", brigade)).first() == null) {
                            throw new IllegalStateException("no brigade " + brigade);
                        }
                    });
            System.out.println(mongo.line());
        }
    }
}
