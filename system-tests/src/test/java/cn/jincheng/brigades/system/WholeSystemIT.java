package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The system as a user meets it: started by run.sh on a fresh data directory, driven over HTTP.
 * One long scenario, because starting the stack is the expensive part; its steps build on each
 * other (what a clerk records early is what the crash, the restart and the backup must keep).
 */
class WholeSystemIT {

    @Test
    void aYearOfWorkSurvivesCrashesAndRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("brigades-e2e");
        try (RunningStack stack = new RunningStack(dataDir)) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            runShToldTheUserWhoCanSignInAndWhereTheDataIs(stack, dataDir);

            String admin = api.token("admin", RunningStack.PASSWORD);
            String clerk = api.token("clerk-zezhou", RunningStack.PASSWORD);
            String inspector = api.token("inspector", RunningStack.PASSWORD);

            thePlansTwentyThreeBrigadesAreThere(api, admin);
            aClerkUpdatesHousingWithIfMatchAndTheAuditShowsWhoDidWhat(api, admin, clerk, inspector);
            theCountySubmitsTheCityDecidesAndSupervisionListsWhatIsOverdue(api, admin, clerk, inspector);
            String firedept = api.token("firedept", RunningStack.PASSWORD);
            theVehicleRulesFollowTheInventory(api, admin, clerk);
            String helmetsId = aRetriedCreationWithTheSameIdempotencyKeyCreatesNothingNew(api, clerk);
            theFireDepartmentChecksAndDrillsAndComplianceNamesItsStandards(api, admin, clerk, firedept, helmetsId);
            String firstHired = tenFirefightersAndTheYearsFundingMeetThePlan(api, admin, clerk);
            aDepartureLowersTheHeadcountAndTheCountyBudgetAddsUp(api, admin, clerk, firstHired);

            crashStationServiceRightAfterAnAcknowledgedWrite(stack, api, admin, clerk);
            assertThat(stack.stop()).isZero();

            stack.start();
            String admin2 = api.token("admin", RunningStack.PASSWORD);
            int auditEntries = everythingIsStillThereAfterTheRestart(api, admin2);
            theAuditChainsStillVerifyAfterTheCrashAndTheRestart(api, admin2);
            assertThat(stack.stop()).isZero();

            aBackupRestoredIntoAnEmptyDataDirectoryCarriesOn(dataDir, auditEntries);
        }
    }

    private static void runShToldTheUserWhoCanSignInAndWhereTheDataIs(RunningStack stack, Path dataDir) {
        assertThat(stack.output()).anyMatch(l -> l.contains("clerk-zezhou"))
                .anyMatch(l -> l.contains(RunningStack.PASSWORD)).anyMatch(l -> l.contains(dataDir.toString()));
    }

    private static void thePlansTwentyThreeBrigadesAreThere(Api api, String admin) throws Exception {
        Api.Response list = api.get("/api/v1/brigades", admin);
        assertThat(list.status()).isEqualTo(200);
        List<JsonNode> brigades = new ArrayList<>();
        list.body().get("items").forEach(brigades::add);
        assertThat(brigades).hasSize(23);
        Map<String, Integer> levels = new HashMap<>();
        Map<String, Integer> modes = new HashMap<>();
        brigades.forEach(b -> {
            levels.merge(b.get("level").asString(), 1, Integer::sum);
            modes.merge(b.get("constructionMode").asString(), 1, Integer::sum);
        });
        assertThat(levels).isEqualTo(Map.of("LEVEL_ONE", 9, "LEVEL_TWO", 14));
        assertThat(modes).isEqualTo(Map.of("SELF_BUILT", 7, "JOINT_ENTERPRISE", 8, "ADAPTED", 3, "DEFERRED", 2,
                "EXISTING", 3));
        JsonNode beishidian = brigades.stream().filter(b -> b.get("id").asString().equals("chengqu-beishidian"))
                .findFirst().orElseThrow();
        assertThat(beishidian.get("town").asString()).isEqualTo("北石店镇");
        assertThat(beishidian.get("countyName").asString()).isEqualTo("城区");
        // the plan has 三甲镇's town government pay its firefighters; county finance pays for all the others
        assertThat(brigades).filteredOn(b -> !b.get("fundingPayer").asString().equals("COUNTY_FINANCE"))
                .extracting(b -> b.get("id").asString() + "=" + b.get("fundingPayer").asString())
                .containsExactly("gaoping-sanjia=TOWNSHIP");

        Api.Response counties = api.get("/api/v1/counties", admin);
        assertThat(counties.body().get("items")).hasSize(6);
    }

    private static void aClerkUpdatesHousingWithIfMatchAndTheAuditShowsWhoDidWhat(Api api, String admin, String clerk,
            String inspector) throws Exception {
        Api.Response gaodu = api.get("/api/v1/brigades/zezhou-gaodu", clerk);
        String etag = gaodu.header("ETag");
        assertThat(etag).isEqualTo("\"1\"");
        assertThat(api.patch("/api/v1/brigades/zezhou-gaodu", clerk, null, "{\"notes\":\"x\"}").status())
                .isEqualTo(428);
        Api.Response updated = api.patch("/api/v1/brigades/zezhou-gaodu", clerk, etag,
                "{\"housing\":{\"floorAreaM2\":620,\"garageBays\":3,\"rooms\":[\"COMMS_DUTY_ROOM\",\"STANDBY_ROOM\",\"EQUIPMENT_STORE\"]}}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.patch("/api/v1/brigades/zezhou-gaodu", clerk, etag, "{\"notes\":\"late\"}").status())
                .isEqualTo(412);
        assertThat(api.patch("/api/v1/brigades/gaoping-macun", clerk, "\"1\"", "{\"notes\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(api.patch("/api/v1/brigades/zezhou-gaodu", inspector, "\"2\"", "{\"notes\":\"x\"}").status())
                .isEqualTo(403);

        Api.Response audit = api.get("/api/v1/audit?brigade=zezhou-gaodu", admin);
        JsonNode entry = audit.body().get("items").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("clerk-zezhou");
        assertThat(entry.get("role").asString()).isEqualTo("COUNTY_CLERK");
        assertThat(entry.get("before").get("housing").get("floorAreaM2").asDouble()).isEqualTo(0.0);
        assertThat(entry.get("after").get("housing").get("floorAreaM2").asDouble()).isEqualTo(620.0);
    }

    private static void theCountySubmitsTheCityDecidesAndSupervisionListsWhatIsOverdue(Api api, String admin,
            String clerk, String inspector) throws Exception {
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/milestones/mobilisation/decision", inspector,
                "{\"decision\":\"ACCEPT\"}").status()).isEqualTo(409);
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/milestones/mobilisation/submission", clerk,
                "{\"evidence\":\"泽州县实施方案（2019年6月20日）\"}").body().get("status").asString())
                .isEqualTo("SUBMITTED");
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/milestones/mobilisation/decision", inspector,
                "{\"decision\":\"ACCEPT\",\"comment\":\"符合要求\"}").body().get("status").asString())
                .isEqualTo("ACCEPTED");
        Api.Response supervision = api.get("/api/v1/supervision?asOf=2019-07-01", admin);
        JsonNode zezhou = null;
        for (JsonNode county : supervision.body().get("items")) {
            if (county.get("county").asString().equals("zezhou")) {
                zezhou = county;
            }
        }
        assertThat(zezhou).isNotNull();
        List<String> overdueInZezhou = new ArrayList<>();
        zezhou.get("milestones").forEach(m -> overdueInZezhou.add(m.get("brigadeId").asString()));
        assertThat(overdueInZezhou).contains("zezhou-nancun").doesNotContain("zezhou-gaodu");
    }

    private static void theVehicleRulesFollowTheInventory(Api api, String admin, String clerk) throws Exception {
        assertThat(vehicleRules(api, admin)).containsEntry("vehicles.level-one.total", false);
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/vehicles", clerk,
                "{\"type\":\"WATER_TANKER\",\"plate\":\"晋E·19001\"}").status()).isEqualTo(201);
        Map<String, Boolean> oneTanker = vehicleRules(api, admin);
        assertThat(oneTanker).containsEntry("vehicles.level-one.water-tanker", true)
                .containsEntry("vehicles.level-one.total", false)
                .containsEntry("vehicles.level-one.other-firefighting-or-special", false);
        Api.Response foam = api.post("/api/v1/brigades/zezhou-gaodu/vehicles", clerk,
                "{\"type\":\"FOAM_TANKER\",\"plate\":\"晋E·19002\"}");
        assertThat(foam.status()).isEqualTo(201);
        assertThat(vehicleRules(api, admin)).doesNotContainValue(false);
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/vehicles", clerk,
                "{\"type\":\"RESCUE\",\"plate\":\"晋E19002\"}").status()).isEqualTo(400);
        String foamPath = "/api/v1/brigades/zezhou-gaodu/vehicles/" + foam.body().get("id").asString();
        assertThat(api.patch(foamPath, clerk, "\"1\"", "{\"status\":\"OUT_OF_SERVICE\"}").status()).isEqualTo(200);
        assertThat(api.patch(foamPath, clerk, "\"1\"", "{\"status\":\"IN_SERVICE\"}").status()).isEqualTo(412);
        assertThat(vehicleRules(api, admin)).containsEntry("vehicles.level-one.total", false);
    }

    /** Returns the id of the helmets created, which the fire department checks next. */
    private static String aRetriedCreationWithTheSameIdempotencyKeyCreatesNothingNew(Api api, String clerk)
            throws Exception {
        String helmetsBody = "{\"itemCode\":\"PPE_HELMET\",\"quantity\":10}";
        Api.Response helmets = api.postIdempotent("/api/v1/brigades/zezhou-gaodu/equipment", clerk, "helmets-2019-1",
                helmetsBody);
        Api.Response retried = api.postIdempotent("/api/v1/brigades/zezhou-gaodu/equipment", clerk, "helmets-2019-1",
                helmetsBody);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.body().get("id").asString()).isEqualTo(helmets.body().get("id").asString());
        assertThat(api.postIdempotent("/api/v1/brigades/zezhou-gaodu/equipment", clerk, "helmets-2019-1",
                "{\"itemCode\":\"PPE_HELMET\",\"quantity\":11}").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/brigades/zezhou-gaodu/equipment", clerk).body().get("items")).hasSize(1);
        assertThat(helmets.status()).isEqualTo(201);
        return helmets.body().get("id").asString();
    }

    private static void theFireDepartmentChecksAndDrillsAndComplianceNamesItsStandards(Api api, String admin,
            String clerk, String firedept, String helmetsId) throws Exception {
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/equipment-checks", clerk,
                "{\"date\":\"2019-11-05\",\"findings\":[]}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/equipment-checks", firedept,
                "{\"date\":\"2019-11-05\",\"findings\":[{\"itemId\":\"" + helmetsId
                        + "\",\"finding\":\"PRESENT\",\"workingQuantity\":9,\"defect\":\"1 cracked\"}]}")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/brigades/zezhou-gaodu/drills", firedept,
                "{\"date\":\"2019-11-06\",\"passed\":true,\"notes\":\"出动 58 秒\"}").status()).isEqualTo(201);
        JsonNode compliance = api.get("/api/v1/brigades/zezhou-gaodu/compliance?year=2019", admin).body();
        assertThat(compliance.get("standards").toString()).contains("jincheng-township-equipment@1")
                .contains("jincheng-township-staffing@1");
        for (JsonNode check : compliance.get("checks")) {
            assertThat(check.get("source").asString()).isNotBlank();
            if (check.get("rule").asString().equals("ppe.helmet")) {
                // not verified against GA 621-2013: it advises, it does not fail the brigade
                assertThat(check.get("sourceStatus").asString()).isEqualTo("REFERENCE");
                assertThat(check.get("severity").asString()).isEqualTo("ADVISORY");
                // no firefighters yet: staffing-service's headcount (0) sizes the per-person rule
                assertThat(check.get("actual").asString()).isEqualTo("9 usable");
                assertThat(check.get("required").asString()).contains("× 0 firefighters");
            }
        }
        assertThat(api.get("/api/v1/brigades/gaoping-hexi/compliance", admin).body().get("tier").asString())
                .isEqualTo("REDUCED");
    }

    /** Returns the first one hired, who departs in the next step. */
    private static String tenFirefightersAndTheYearsFundingMeetThePlan(Api api, String admin, String clerk)
            throws Exception {
        String firstHired = null;
        for (int i = 1; i <= 10; i++) {
            Api.Response hired = api.post("/api/v1/brigades/zezhou-gaodu/firefighters", clerk,
                    "{\"name\":\"队员" + i + "\",\"employment\":\"LABOUR_DISPATCH\",\"startDate\":\"2019-08-01\"}");
            assertThat(hired.status()).isEqualTo(201);
            firstHired = firstHired == null ? hired.body().get("id").asString() : firstHired;
        }
        assertThat(api.send("PUT", "/api/v1/brigades/zezhou-gaodu/funding/2019", clerk, null,
                "{\"amountYuan\":499999,\"source\":\"COUNTY_FINANCE\"}").status()).isEqualTo(200);
        assertThat(staffingRules(api, admin)).containsEntry("staffing.headcount", true)
                .containsEntry("funding.county-finance", false);
        assertThat(api.send("PUT", "/api/v1/brigades/zezhou-gaodu/funding/2019", clerk, null,
                "{\"amountYuan\":500000,\"source\":\"COUNTY_FINANCE\"}").status()).isEqualTo(200);
        assertThat(staffingRules(api, admin)).containsEntry("staffing.headcount", true)
                .containsEntry("funding.county-finance", true);
        for (JsonNode check : api.get("/api/v1/brigades/zezhou-gaodu/compliance?year=2019", admin).body().get("checks")) {
            if (check.get("rule").asString().equals("ppe.helmet")) {
                assertThat(check.get("required").asString()).contains("≥ 10");
                assertThat(check.get("met").asBoolean()).isFalse(); // 9 working helmets for 10 firefighters
            }
        }
        assertThat(api.send("PUT", "/api/v1/brigades/zezhou-gaodu/funding/1999", clerk, null,
                "{\"amountYuan\":1,\"source\":\"COUNTY_FINANCE\"}").status()).isEqualTo(400);
        return firstHired;
    }

    private static void aDepartureLowersTheHeadcountAndTheCountyBudgetAddsUp(Api api, String admin, String clerk,
            String firstHired) throws Exception {
        assertThat(api.send("DELETE", "/api/v1/brigades/zezhou-gaodu/firefighters/" + firstHired
                + "?endDate=2019-09-30", clerk, null, null).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/v1/brigades/zezhou-gaodu/firefighters/" + firstHired, clerk, null, null)
                .status()).isEqualTo(409);
        assertThat(staffingRules(api, admin)).containsEntry("staffing.headcount", false);
        JsonNode budget = api.get("/api/v1/counties/zezhou/funding?year=2019", clerk).body();
        long sum = 0;
        for (JsonNode line : budget.get("items")) {
            sum += line.get("shortfallYuan").asLong();
        }
        assertThat(budget.get("shortfallYuan").asLong()).isEqualTo(sum);
        assertThat(budget.get("allocatedYuan").asLong()).isEqualTo(500_000);
        assertThat(api.get("/api/v1/counties/gaoping/funding?year=2019", clerk).status()).isEqualTo(403);
    }

    /** kill -9 right after the acknowledgement: whether the write survived shows after the restart. */
    private static void crashStationServiceRightAfterAnAcknowledgedWrite(RunningStack stack, Api api, String admin,
            String clerk) throws Exception {
        Api.Response lastWrite = api.patch("/api/v1/brigades/zezhou-gaodu", clerk, "\"2\"",
                "{\"notes\":\"written just before the crash\"}");
        assertThat(lastWrite.status()).isEqualTo(200);
        stack.crash("station-service");
        stack.awaitOutput("station-service died", Duration.ofSeconds(10));
        Api.Response whileDown = api.get("/api/v1/brigades/zezhou-gaodu", admin);
        assertThat(whileDown.status()).isEqualTo(503);
        assertThat(whileDown.body().get("service").asString()).isEqualTo("station-service");
        assertThat(api.token("admin", RunningStack.PASSWORD)).isNotEmpty(); // the gateway keeps serving
    }

    /** Returns how many audit entries the brigade has, which a restored backup must have too. */
    private static int everythingIsStillThereAfterTheRestart(Api api, String admin) throws Exception {
        Api.Response after = api.get("/api/v1/brigades/zezhou-gaodu", admin);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isEqualTo("\"3\"");
        assertThat(after.body().get("notes").asString()).isEqualTo("written just before the crash");
        assertThat(after.body().get("housing").get("garageBays").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/brigades", admin).body().get("items")).hasSize(23);
        Api.Response milestones = api.get("/api/v1/brigades/zezhou-gaodu/milestones", admin);
        assertThat(milestones.body().get("items").get(0).get("status").asString()).isEqualTo("ACCEPTED");
        // every change to the brigade's data, whichever service holds it: 4 of station-service
        // (housing, milestone submission and decision, notes), 6 of equipment-service (2 vehicles
        // added, 1 changed, helmets, a check, a drill), 13 of staffing-service (10 hired, 2 funding
        // amounts, 1 departure)
        JsonNode trail = api.get("/api/v1/audit?brigade=zezhou-gaodu", admin).body().get("items");
        assertThat(trail.size()).isEqualTo(23);
        List<String> actions = new ArrayList<>();
        trail.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("brigade.update", "milestone.decide", "vehicle.add", "vehicle.update",
                "equipment.add", "equipment-check.record", "drill.record", "firefighter.add", "funding.put",
                "firefighter.depart");
        assertThat(actions.get(0)).isEqualTo("brigade.update"); // the last change, newest first
        JsonNode firstPage = api.get("/api/v1/audit?brigade=zezhou-gaodu&pageSize=10", admin).body();
        JsonNode secondPage = api.get("/api/v1/audit?brigade=zezhou-gaodu&pageSize=10&pageToken="
                + firstPage.get("nextPageToken").asString(), admin).body();
        assertThat(secondPage.get("items").get(0).get("id").asString())
                .isEqualTo(trail.get(10).get("id").asString());
        assertThat(api.get("/api/v1/brigades/zezhou-gaodu/vehicles", admin).body().get("items")).hasSize(2);
        return trail.size();
    }

    private static void theAuditChainsStillVerifyAfterTheCrashAndTheRestart(Api api, String admin) throws Exception {
        JsonNode verification = api.get("/api/v1/audit/verify", admin).body();
        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
        long entries = 0;
        for (JsonNode service : verification.get("services")) {
            entries += service.get("entries").asLong();
        }
        assertThat(entries).isGreaterThanOrEqualTo(23);
        assertThat(api.get("/api/v1/audit/verify", api.token("clerk-zezhou", RunningStack.PASSWORD)).status())
                .isEqualTo(403);
    }

    private static void aBackupRestoredIntoAnEmptyDataDirectoryCarriesOn(Path dataDir, int auditEntries)
            throws Exception {
        Path backup = Files.createTempDirectory("brigades-backup");
        Path restoredDir = Files.createTempDirectory("brigades-restored").resolve("data");
        assertThat(runBackup("export", dataDir.toString(), backup.toString())).isZero();
        // the audit key is never in the backup: without it the restore refuses
        Path keyless = Files.createTempDirectory("brigades-keyless").resolve("data");
        assertThat(runBackup("restore", backup.toString(), keyless.toString())).isNotZero();
        Path key = Path.of("keys", "audit-hmac.key");
        Files.createDirectories(restoredDir.resolve("keys"));
        Files.copy(dataDir.resolve(key), restoredDir.resolve(key));
        assertThat(runBackup("restore", backup.toString(), restoredDir.toString())).isZero();
        try (RunningStack restored = new RunningStack(restoredDir)) {
            restored.start();
            Api api3 = new Api(restored.gatewayPort);
            String admin3 = api3.token("admin", RunningStack.PASSWORD);
            Api.Response again = api3.get("/api/v1/brigades/zezhou-gaodu", admin3);
            assertThat(again.body().get("notes").asString()).isEqualTo("written just before the crash");
            assertThat(api3.get("/api/v1/audit?brigade=zezhou-gaodu", admin3).body().get("items").size())
                    .isEqualTo(auditEntries);
            assertThat(api3.get("/api/v1/audit/verify", admin3).body().get("verified").asBoolean()).isTrue();
            assertThat(api3.get("/api/v1/standards", admin3).body().get("version").asInt()).isEqualTo(1);
            assertThat(restored.stop()).isZero();
        }
    }

    private static int runBackup(String... args) throws Exception {
        Path root = Path.of(System.getProperty("brigades.root", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("backup.sh").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) {
            System.err.println(output);
        }
        return code;
    }

    private static Map<String, Boolean> staffingRules(Api api, String token) throws Exception {
        Map<String, Boolean> rules = new HashMap<>();
        for (JsonNode check : api.get("/api/v1/brigades/zezhou-gaodu/compliance?year=2019", token).body().get("checks")) {
            String area = check.get("area").asString();
            if (area.equals("STAFFING") || area.equals("FUNDING")) {
                rules.put(check.get("rule").asString(), check.get("met").asBoolean());
            }
        }
        return rules;
    }

    private static Map<String, Boolean> vehicleRules(Api api, String token) throws Exception {
        Api.Response r = api.get("/api/v1/brigades/zezhou-gaodu/compliance", token);
        assertThat(r.status()).isEqualTo(200);
        Map<String, Boolean> rules = new HashMap<>();
        for (JsonNode check : r.body().get("checks")) {
            if (check.get("area").asString().equals("VEHICLES")) {
                rules.put(check.get("rule").asString(), check.get("met").asBoolean());
            }
        }
        return rules;
    }
}
