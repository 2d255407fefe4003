package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;

import cn.jincheng.brigades.client.ApiClient;
import cn.jincheng.brigades.client.ApiException;
import cn.jincheng.brigades.client.ApiResponse;
import cn.jincheng.brigades.client.api.AuditApi;
import cn.jincheng.brigades.client.api.AuthenticationApi;
import cn.jincheng.brigades.client.api.CountiesAndBrigadesApi;
import cn.jincheng.brigades.client.api.VehiclesEquipmentChecksApi;
import cn.jincheng.brigades.client.api.YearEndAcceptanceApi;
import cn.jincheng.brigades.client.model.AcceptanceReport;
import cn.jincheng.brigades.client.model.AuditEntryDto;
import cn.jincheng.brigades.client.model.BrigadeDto;
import cn.jincheng.brigades.client.model.BrigadePatch;
import cn.jincheng.brigades.client.model.Credentials;
import cn.jincheng.brigades.client.model.HousingDto;
import cn.jincheng.brigades.client.model.InspectionBody;
import cn.jincheng.brigades.client.model.InspectionDto;
import cn.jincheng.brigades.client.model.NewVehicle;
import cn.jincheng.brigades.client.model.Problem;
import cn.jincheng.brigades.client.model.ReportRow;
import cn.jincheng.brigades.client.model.VehicleDto;

/**
 * The README's curl flow through a client generated from the contract (openapi-generator, Java,
 * library native, from {@code system-tests/openapi/api-v1.json}, which OpenApiContractIT keeps equal
 * to what the gateway serves): only the generated API classes and models talk to the stack. The
 * client's mapper refuses unknown properties, so an answer that says more than the contract fails here.
 */
class GeneratedClientIT {

    private static final String BRIGADE = "zezhou-gaodu";

    @Test
    void theGeneratedClientCompletesTheReadmesMainFlow() throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-generated-client"))) {
            stack.start();
            ApiClient client = client(stack.gatewayPort);

            // a token
            String token = new AuthenticationApi(client)
                    .createToken(new Credentials().username("clerk-zezhou").password(RunningStack.PASSWORD))
                    .getAccessToken();
            assertThat(token).isNotBlank();
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
            CountiesAndBrigadesApi brigades = new CountiesAndBrigadesApi(client);

            // the brigades this clerk may see: 泽州县's six
            List<BrigadeDto> seen = brigades.listBrigades(null, null, null, null, null).getItems();
            assertThat(seen).hasSize(6).allSatisfy(b -> assertThat(b.getCounty()).isEqualTo("zezhou"));

            // read one brigade: its ETag is its version
            ApiResponse<BrigadeDto> read = brigades.getBrigadeWithHttpInfo(BRIGADE);
            String etag = header(read, "etag");
            assertThat(etag).isEqualTo("\"" + read.getData().getVersion() + "\"");

            // update its housing with If-Match
            BrigadePatch housing = new BrigadePatch().housing(new HousingDto().floorAreaM2(620.0).garageBays(3)
                    .rooms(List.of("COMMS_DUTY_ROOM", "STANDBY_ROOM", "EQUIPMENT_STORE")));
            ApiResponse<BrigadeDto> patched = brigades.patchBrigadeWithHttpInfo(BRIGADE, housing, etag);
            assertThat(patched.getData().getVersion()).isEqualTo(read.getData().getVersion() + 1);
            assertThat(patched.getData().getHousing().getFloorAreaM2()).isEqualTo(620.0);
            assertThat(header(patched, "etag")).isEqualTo("\"" + patched.getData().getVersion() + "\"");

            // the same change on the version read before: 412, a problem the generated model reads
            ApiException stale = catchThrowableOfType(ApiException.class,
                    () -> brigades.patchBrigade(BRIGADE, new BrigadePatch().notes("stale"), etag));
            assertThat(stale.getCode()).isEqualTo(412);
            assertThat(stale.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            Problem problem = client.getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
            assertThat(problem.getStatus()).isEqualTo(412);
            assertThat(problem.getCurrentVersion()).isEqualTo(patched.getData().getVersion());

            // who changed what
            List<AuditEntryDto> audit = new AuditApi(client).audit(BRIGADE, null, null).getItems();
            assertThat(audit).anySatisfy(entry -> {
                assertThat(entry.getActor()).isEqualTo("clerk-zezhou");
                assertThat(String.valueOf(entry.getAfter())).contains("620");
            });

            // register a water tanker
            VehicleDto tanker = new VehiclesEquipmentChecksApi(client).addVehicle(BRIGADE,
                    new NewVehicle().type("WATER_TANKER").plate("晋E·11901"));
            assertThat(tanker.getId()).isNotBlank();

            // year-end acceptance: the county inspects, and the report shows it
            YearEndAcceptanceApi acceptance = new YearEndAcceptanceApi(client);
            InspectionDto inspection = acceptance.recordInspection(2019, BRIGADE, new InspectionBody()
                    .stage(InspectionBody.StageEnum.COUNTY).result(InspectionBody.ResultEnum.FAIL).notes("营房未竣工"));
            assertThat(inspection.getResult()).isEqualTo("FAIL");
            assertThat(inspection.getSnapshot()).isNotNull();
            AcceptanceReport report = acceptance.acceptanceReport(2019, null, null, null);
            assertThat(report.getYear()).isEqualTo(2019);
            ReportRow row = report.getBrigades().stream().filter(r -> r.getId().equals(BRIGADE)).findFirst().orElseThrow();
            assertThat(row.getLatestCounty().getResult()).isEqualTo("FAIL");
            assertThat(row.getOutcome()).isEqualTo("REJECTED");
            assertThat(report.getCounties()).anySatisfy(c -> {
                assertThat(c.getId()).isEqualTo("zezhou");
                assertThat(c.getRejected()).isEqualTo(1);
            });
            System.out.println("[client] README flow through the generated client: " + seen.size() + " brigades, "
                    + "ETag " + etag + " -> " + header(patched, "etag") + ", stale If-Match " + stale.getCode()
                    + ", inspection " + inspection.getId() + ", report row " + row.getOutcome());
            assertThat(stack.stop()).isZero();
        }
    }

    /**
     * The generated client as a user would set it up, with two choices of ours: HTTP/1.1 (as curl and
     * browsers speak to the gateway; the JDK's default tries an h2c upgrade) and unknown properties refused.
     */
    private static ApiClient client(int port) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)));
        client.setReadTimeout(Duration.ofSeconds(60));
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        return client;
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }
}
