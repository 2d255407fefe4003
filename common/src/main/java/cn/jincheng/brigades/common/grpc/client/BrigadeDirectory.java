package cn.jincheng.brigades.common.grpc.client;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;
import cn.jincheng.brigades.proto.station.v1.BatchGetBrigadesRequest;
import cn.jincheng.brigades.proto.station.v1.Brigade;
import cn.jincheng.brigades.proto.station.v1.GetBrigadeRequest;
import cn.jincheng.brigades.proto.station.v1.StationServiceGrpc;

/**
 * Which brigades exist and which county each belongs to: station-service owns that, other services
 * ask it (with the caller's own identity, so station-service's scope rules apply) and remembers
 * the county of every brigade it has seen — a brigade never changes county.
 */
public class BrigadeDirectory implements AutoCloseable {

    private final DependencyClient<StationServiceGrpc.StationServiceBlockingStub> station;
    private final Map<String, String> countyOf = new ConcurrentHashMap<>();

    public BrigadeDirectory(String address, java.time.Duration deadline,
            cn.jincheng.brigades.common.grpc.telemetry.ClientTelemetry telemetry) {
        this.station = new DependencyClient<>("station-service", address, StationServiceGrpc::newBlockingStub, deadline,
                telemetry);
    }

    /**
     * The county of a brigade the caller may read. Unknown: NOT_FOUND; another county for a clerk:
     * PERMISSION_DENIED — as station-service answers.
     */
    public String countyOf(Caller caller, String brigadeId) {
        String county = countyOf.get(brigadeId);
        if (county == null) {
            Brigade brigade = station.read(s -> s.getBrigade(GetBrigadeRequest.newBuilder().setId(brigadeId).build()));
            county = brigade.getCountyId();
            countyOf.put(brigadeId, county);
        }
        AccessPolicy.requireRead(caller, county);
        return county;
    }

    /** Counties of many brigades in one call for those not yet known; ids the caller may not see are absent. */
    public Map<String, String> countiesOf(Caller caller, Collection<String> brigadeIds) {
        Map<String, String> result = new HashMap<>();
        knownCounties(brigadeIds).forEach((id, county) -> {
            if (caller.sees(county)) {
                result.put(id, county);
            }
        });
        return result;
    }

    /**
     * Counties of many brigades whoever may see them, for checks that must say why a caller may not
     * act on a brigade (another county's) rather than pretend it does not exist; unknown ids are absent.
     */
    public Map<String, String> knownCounties(Collection<String> brigadeIds) {
        List<String> unknown = brigadeIds.stream().filter(id -> !countyOf.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            for (int from = 0; from < unknown.size(); from += 1000) {
                List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + 1000));
                station.read(s -> s.batchGetBrigades(BatchGetBrigadesRequest.newBuilder().addAllIds(chunk).build()))
                        .getBrigadesList().forEach(b -> countyOf.put(b.getId(), b.getCountyId()));
            }
        }
        Map<String, String> result = new HashMap<>();
        for (String id : brigadeIds) {
            String county = countyOf.get(id);
            if (county != null) {
                result.put(id, county);
            }
        }
        return result;
    }

    /** The brigades of a county (or the caller's scope) and the standard each meets in a year. */
    public java.util.List<cn.jincheng.brigades.proto.station.v1.BrigadeStandard> standards(String countyId, int year) {
        return station.read(s -> s.listBrigadeStandards(cn.jincheng.brigades.proto.station.v1.ListBrigadeStandardsRequest
                .newBuilder().setCountyId(countyId == null ? "" : countyId).setYear(year).build())).getBrigadesList();
    }

    @Override
    public void close() throws InterruptedException {
        station.close();
    }
}
