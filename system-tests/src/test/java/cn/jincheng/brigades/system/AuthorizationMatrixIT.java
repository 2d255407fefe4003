package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The authorization table of api-v1.md, cell by cell, through the gateway: every endpoint × every
 * role × own/other county gets exactly what the table says (a denial is a 403 problem, an allowed
 * call is never 401/403/5xx), and without a token every endpoint is 401. The same table is then
 * checked on the services themselves, over gRPC, by {@link ServiceAuthorizationCheck}.
 */
class AuthorizationMatrixIT {

    /** The rows of the table in api-v1.md. */
    /**
     * IMPORT: bulk import of brigade data. The role decides whether the call is taken; each row's
     * county is checked as a row error naming that row, so a clerk of another county is refused
     * row by row (400), not as a whole.
     */
    /** STATION_SERVICE: station-service itself keeping the directory copies; no user may. */
    enum Action { READ, LIST, EDIT, CHECK, DECIDE, ADMIN, INSPECT_COUNTY, INSPECT_CITY, VERIFY, IMPORT, STATION_SERVICE }

    /** The columns: each role, and a county clerk both in and outside the brigade's county. */
    enum Who {
        CITY_ADMIN("admin"), CITY_INSPECTOR("inspector"), FIRE_DEPT("firedept"),
        CLERK_OWN_COUNTY("clerk-zezhou"), CLERK_OTHER_COUNTY("clerk-gaoping");

        final String user;

        Who(String user) {
            this.user = user;
        }
    }

    static final String BRIGADE = "zezhou-gaodu";
    static final String COUNTY = "zezhou";

    static boolean allowed(Action action, Who who) {
        return switch (action) {
            case LIST -> true;
            case READ -> who != Who.CLERK_OTHER_COUNTY;
            case EDIT, INSPECT_COUNTY -> who == Who.CITY_ADMIN || who == Who.CLERK_OWN_COUNTY;
            case CHECK -> who == Who.CITY_ADMIN || who == Who.FIRE_DEPT;
            case DECIDE, INSPECT_CITY, VERIFY -> who == Who.CITY_ADMIN || who == Who.CITY_INSPECTOR;
            case ADMIN -> who == Who.CITY_ADMIN;
            case IMPORT -> who == Who.CITY_ADMIN || who == Who.CLERK_OWN_COUNTY || who == Who.CLERK_OTHER_COUNTY;
            case STATION_SERVICE -> false;
        };
    }

    /** A call; {@code contentType} set means the body is a file upload (an import), else JSON. */
    record Call(String method, String path, String body, String ifMatch, String contentType) {
        Call(String method, String path, String body, String ifMatch) {
            this(method, path, body, ifMatch, null);
        }

        static Call of(String method, String path, String body) {
            return new Call(method, path, body, null);
        }

        static Call upload(String path, String csv) {
            return new Call("POST", path, csv, null, "text/csv");
        }

        Api.Response send(String token) throws Exception {
            return contentType != null
                    ? api.upload(path, token, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : api.send(method, path, token, ifMatch, body);
        }
    }

    /** One endpoint: its row in the table and how to make a well-formed call of it. */
    record Endpoint(String name, Action action, Function<Who, Call> call) {
    }

    static RunningStack stack;
    static Api api;
    static final Map<Who, String> tokens = new TreeMap<>();
    static String admin;
    static final AtomicInteger serial = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        stack = new RunningStack(Files.createTempDirectory("brigades-authz"));
        stack.start();
        api = new Api(stack.gatewayPort);
        for (Who who : Who.values()) {
            tokens.put(who, api.token(who.user, RunningStack.PASSWORD));
        }
        admin = tokens.get(Who.CITY_ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyEndpointEveryRoleOwnAndOtherCountyAtTheGateway() throws Exception {
        List<Endpoint> endpoints = endpoints();
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            for (Who who : Who.values()) {
                Api.Response response = endpoint.call().apply(who).send(tokens.get(who));
                cells++;
                statuses.merge(response.status(), 1, Integer::sum);
                boolean expectAllowed = allowed(endpoint.action(), who);
                boolean ok = expectAllowed
                        ? response.status() != 401 && response.status() != 403 && response.status() < 500
                        : response.status() == 403 && response.isProblem();
                if (!ok) {
                    wrong.add(endpoint.name() + " as " + who + ": expected " + (expectAllowed ? "allowed" : "403")
                            + ", got " + response.status() + " " + response.body());
                }
            }
            Api.Response response = endpoint.call().apply(Who.CITY_ADMIN).send(null);
            cells++;
            if (response.status() != 401 || !response.isProblem()) {
                wrong.add(endpoint.name() + " without a token: expected 401, got " + response.status());
            }
        }
        System.out.println("[authz] gateway: " + endpoints.size() + " endpoints x " + (Who.values().length + 1)
                + " callers = " + cells + " cells checked, " + wrong.size() + " wrong; statuses " + statuses);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aCountyClerkSeesOnlyTheirOwnCountyInLists() throws Exception {
        String clerk = tokens.get(Who.CLERK_OWN_COUNTY);
        JsonNode me = api.get("/api/v1/me", clerk).body();
        assertThat(me.get("role").asString()).isEqualTo("COUNTY_CLERK");
        assertThat(me.get("county").asString()).isEqualTo(COUNTY);
        JsonNode brigades = api.get("/api/v1/brigades", clerk).body().get("items");
        assertThat(brigades.size()).isPositive();
        brigades.forEach(b -> assertThat(b.get("county").asString()).isEqualTo(COUNTY));
        assertThat(api.get("/api/v1/brigades?county=gaoping", clerk).body().get("items").size()).isZero();
        JsonNode supervision = api.get("/api/v1/supervision?asOf=2019-12-31", clerk).body();
        assertThat(supervision.toString()).doesNotContain("gaoping-");
        assertThat(api.get("/api/v1/supervision/export?format=json&asOf=2019-12-31", clerk).body().toString())
                .doesNotContain("gaoping-");
        JsonNode report = api.get("/api/v1/acceptance/2019/report", clerk).body();
        report.get("brigades").forEach(b -> assertThat(b.get("county").asString()).isEqualTo(COUNTY));
    }

    @Test
    void theServicesEnforceTheSameTableOnDirectCalls() throws Exception {
        ServiceAuthorizationCheck.Result result = new ServiceAuthorizationCheck(stack, BRIGADE, COUNTY).run();
        System.out.println("[authz] services: " + result.methods() + " RPCs, " + result.cells()
                + " direct calls (5 signed callers, no identity, a forged one, garbage), " + result.wrong().size()
                + " wrong; codes " + result.codes());
        assertThat(result.wrong()).isEmpty();
        assertThat(result.unclassified()).as("every RPC has its row in the table").isEmpty();
    }


    // --- the endpoints, each with a well-formed call --------------------------------------------

    static List<Endpoint> endpoints() {
        String b = "/api/v1/brigades/" + BRIGADE;
        List<Endpoint> list = new ArrayList<>();
        for (String path : List.of(b, b + "/milestones", b + "/vehicles", b + "/equipment", b + "/equipment-checks",
                b + "/drills", b + "/expiring-items", b + "/firefighters", b + "/funding", b + "/compliance",
                "/api/v1/acceptance/2019/brigades/" + BRIGADE + "/inspections", "/api/v1/audit?brigade=" + BRIGADE,
                "/api/v1/counties/" + COUNTY + "/expiring-items", "/api/v1/counties/" + COUNTY + "/funding?year=2019",
                "/api/v1/supervision/export?format=csv&asOf=2019-12-31&county=" + COUNTY)) {
            list.add(new Endpoint("GET " + path, Action.READ, who -> Call.of("GET", path, null)));
        }
        for (String path : List.of("/api/v1/counties", "/api/v1/brigades", "/api/v1/supervision?asOf=2019-12-31",
                "/api/v1/supervision/export?format=json&asOf=2019-12-31",
                "/api/v1/standards", "/api/v1/standards/versions", "/api/v1/standards/1", "/api/v1/standards/staffing",
                "/api/v1/acceptance/2019/report", "/api/v1/me", "/api/v1/calendar")) {
            list.add(new Endpoint("GET " + path, Action.LIST, who -> Call.of("GET", path, null)));
        }
        list.add(new Endpoint("PATCH brigade", Action.EDIT,
                who -> new Call("PATCH", b, "{\"notes\":\"matrix " + serial.incrementAndGet() + "\"}", etag(b))));
        list.add(new Endpoint("POST milestone submission", Action.EDIT,
                who -> Call.of("POST", b + "/milestones/mobilisation/submission", "{\"evidence\":\"photos\"}")));
        list.add(new Endpoint("POST vehicle", Action.EDIT,
                who -> Call.of("POST", b + "/vehicles", vehicleBody())));
        list.add(new Endpoint("PATCH vehicle", Action.EDIT, who -> {
            Api.Response vehicle = created(b + "/vehicles", vehicleBody());
            return new Call("PATCH", b + "/vehicles/" + vehicle.body().get("id").asString(),
                    "{\"status\":\"OUT_OF_SERVICE\"}", vehicle.header("ETag"));
        }));
        list.add(new Endpoint("DELETE vehicle", Action.EDIT, who -> {
            Api.Response vehicle = created(b + "/vehicles", vehicleBody());
            return new Call("DELETE", b + "/vehicles/" + vehicle.body().get("id").asString(), null,
                    vehicle.header("ETag"));
        }));
        list.add(new Endpoint("POST equipment", Action.EDIT,
                who -> Call.of("POST", b + "/equipment", "{\"itemCode\":\"PPE_HELMET\",\"quantity\":2}")));
        list.add(new Endpoint("POST firefighter", Action.EDIT, who -> Call.of("POST", b + "/firefighters",
                "{\"name\":\"测试" + serial.incrementAndGet() + "\",\"employment\":\"CONTRACT\",\"startDate\":\"2019-05-01\"}")));
        list.add(new Endpoint("DELETE firefighter", Action.EDIT,
                who -> Call.of("DELETE", b + "/firefighters/" + newFirefighter(b), null)));
        list.add(new Endpoint("PUT funding", Action.EDIT, who -> Call.of("PUT", b + "/funding/2019",
                "{\"amountYuan\":500000,\"source\":\"COUNTY_FINANCE\"}")));
        list.add(new Endpoint("POST equipment check", Action.CHECK, who -> Call.of("POST", b + "/equipment-checks",
                "{\"date\":\"2019-10-01\",\"notes\":\"on site\"}")));
        list.add(new Endpoint("POST drill", Action.CHECK, who -> Call.of("POST", b + "/drills",
                "{\"date\":\"2019-10-02\",\"passed\":true,\"notes\":\"drill\"}")));
        list.add(new Endpoint("POST milestone decision", Action.DECIDE, who -> Call.of("POST",
                b + "/milestones/mobilisation/decision", "{\"decision\":\"REJECT\",\"comment\":\"more photos\"}")));
        list.add(new Endpoint("POST mode", Action.ADMIN, who -> Call.of("POST", b + "/mode",
                "{\"constructionMode\":\"SELF_BUILT\",\"reason\":\"matrix\"}")));
        list.add(new Endpoint("POST standards", Action.ADMIN, who -> Call.of("POST", "/api/v1/standards",
                "{\"mode\":\"AMEND\",\"basedOnVersion\":1,\"note\":\"matrix\"}")));
        list.add(new Endpoint("POST staffing standards", Action.ADMIN, who -> Call.of("POST",
                "/api/v1/standards/staffing", "{\"basedOnVersion\":1,\"note\":\"matrix\",\"rules\":[]}")));
        list.add(new Endpoint("POST county inspection", Action.INSPECT_COUNTY, who -> Call.of("POST",
                "/api/v1/acceptance/2019/brigades/" + BRIGADE + "/inspections",
                "{\"stage\":\"COUNTY\",\"result\":\"FAIL\",\"notes\":\"matrix\"}")));
        list.add(new Endpoint("POST city inspection", Action.INSPECT_CITY, who -> Call.of("POST",
                "/api/v1/acceptance/2019/brigades/" + BRIGADE + "/inspections",
                "{\"stage\":\"CITY\",\"result\":\"FAIL\",\"notes\":\"matrix\"}")));
        list.add(new Endpoint("GET audit verify", Action.VERIFY, who -> Call.of("GET", "/api/v1/audit/verify", null)));
        // bulk import, checked only (dryRun) so that the matrix leaves no data behind; a clerk of another
        // county is let in and refused row by row (400 naming the row), as IMPORT says
        for (String kind : List.of("brigades", "vehicles", "equipment", "firefighters")) {
            String template = "/api/v1/imports/" + kind + "/template";
            list.add(new Endpoint("GET " + template, Action.LIST, who -> Call.of("GET", template, null)));
        }
        list.add(new Endpoint("POST import brigades", Action.ADMIN, who -> Call.upload("/api/v1/imports/brigades?dryRun=true",
                "队站编号,县（市、区）编号,乡镇,等级,建设模式\n" + COUNTY + "-matrix,zezhou,新镇,二级,暂不建设\n")));
        list.add(new Endpoint("POST import vehicles", Action.IMPORT, who -> Call.upload("/api/v1/imports/vehicles?dryRun=true",
                "队站编号,车辆类型代码,车牌号\n" + BRIGADE + ",WATER_TANKER,晋E·39" + (100 + serial.incrementAndGet() % 900) + "\n")));
        list.add(new Endpoint("POST import equipment", Action.IMPORT, who -> Call.upload("/api/v1/imports/equipment?dryRun=true",
                "队站编号,器材代码,数量\n" + BRIGADE + ",PPE_HELMET,2\n")));
        list.add(new Endpoint("POST import firefighters", Action.IMPORT, who -> Call.upload(
                "/api/v1/imports/firefighters?dryRun=true", "队站编号,姓名,用工形式,入职日期\n" + BRIGADE + ",赵六,合同制,2019-08-01\n")));
        return list;
    }

    private static String vehicleBody() {
        return "{\"type\":\"WATER_TANKER\",\"plate\":\"晋E" + String.format("%05d", serial.incrementAndGet())
                + "\",\"status\":\"IN_SERVICE\"}";
    }

    private static String newFirefighter(String brigadePath) {
        return created(brigadePath + "/firefighters", "{\"name\":\"离队" + serial.incrementAndGet()
                + "\",\"employment\":\"CONTRACT\",\"startDate\":\"2019-05-01\"}").body().get("id").asString();
    }

    private static Api.Response created(String path, String body) {
        try {
            Api.Response response = api.post(path, admin, body);
            if (response.status() != 201) {
                throw new IllegalStateException(path + " setup answered " + response.status() + " " + response.body());
            }
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String etag(String path) {
        try {
            return api.get(path, admin).header("ETag");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
