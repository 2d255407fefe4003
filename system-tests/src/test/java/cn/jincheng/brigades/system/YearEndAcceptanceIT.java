package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The 2019 year-end acceptance as a city inspector lives it, on the system started by run.sh. One
 * scenario, because starting the stack is the expensive part and each step decides on what the
 * steps before it recorded.
 */
class YearEndAcceptanceIT {

    private static final String PPE = "PPE_HELMET PPE_SUIT PPE_GLOVES PPE_SAFETY_BELT PPE_BOOTS";
    private static final String PASS = "{\"stage\":\"%s\",\"result\":\"PASS\",\"notes\":\"现场逐一检查\"}";
    private static final String INSPECTIONS = "/api/v1/acceptance/2019/brigades/";

    @Test
    void the2019AcceptanceFromComplianceToTheReportAndItsFiles() throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-acceptance"))) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            String admin = api.token("admin", RunningStack.PASSWORD);
            String inspector = api.token("inspector", RunningStack.PASSWORD);
            String zezhou = api.token("clerk-zezhou", RunningStack.PASSWORD);
            String qinshui = api.token("clerk-qinshui", RunningStack.PASSWORD);

            twoCountiesEachBringABrigadeUpToTheFullStandard(api, admin, zezhou, qinshui);
            inspectionsOutOfTurnByTheWrongUserOrForAnotherYearAreRefused(api, inspector, zezhou, qinshui);
            theCountyThenTheCityPassBothCompliantBrigades(api, inspector, zezhou, qinshui);
            aPassOnANonCompliantBrigadeNeedsAReasonAndIsFlagged(api, zezhou);
            theCountyFailsABrigadeWhoseVehiclesAreMissing(api, zezhou);
            Map<String, JsonNode> rows = theReportGivesEveryBrigadeItsOutcome(api, admin, inspector);
            theCsvAndXlsxFilesHoldTheSameTable(api, inspector, rows);
            withEquipmentServiceDownTheReportIsDegradedNotBroken(stack, api, admin, inspector, zezhou);
            assertThat(stack.stop()).isZero();
        }
    }

    private static void twoCountiesEachBringABrigadeUpToTheFullStandard(Api api, String admin, String zezhou,
            String qinshui) throws Exception {
        bringToStandard(api, zezhou, "zezhou-gaodu", 650, 1100, 3, "WATER_TANKER:晋E·50001 RESCUE:晋E·50002");
        bringToStandard(api, qinshui, "qinshui-zhongcun", 420, 760, 2, "WATER_TANKER:晋E·50011");
        JsonNode gaodu = api.get("/api/v1/brigades/zezhou-gaodu/compliance", admin).body();
        assertThat(gaodu.get("compliant").asBoolean()).as(gaodu.toString()).isTrue();
        JsonNode zhongcun = api.get("/api/v1/brigades/qinshui-zhongcun/compliance", admin).body();
        assertThat(zhongcun.get("compliant").asBoolean()).as(zhongcun.toString()).isTrue();
    }

    private static void inspectionsOutOfTurnByTheWrongUserOrForAnotherYearAreRefused(Api api, String inspector,
            String zezhou, String qinshui) throws Exception {
        assertThat(api.post(INSPECTIONS + "zezhou-gaodu/inspections", inspector, PASS.formatted("CITY")).status())
                .isEqualTo(409);
        assertThat(api.post(INSPECTIONS + "zezhou-gaodu/inspections", qinshui, PASS.formatted("COUNTY")).status())
                .isEqualTo(403);
        assertThat(api.post(INSPECTIONS + "zezhou-gaodu/inspections", zezhou, PASS.formatted("CITY")).status())
                .isEqualTo(403);
        assertThat(api.post(INSPECTIONS + "zezhou-gaodu/inspections", zezhou, PASS.formatted("STATE")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/acceptance/2031/brigades/zezhou-gaodu/inspections", zezhou,
                PASS.formatted("COUNTY")).status()).isEqualTo(400);
    }

    private static void theCountyThenTheCityPassBothCompliantBrigades(Api api, String inspector, String zezhou,
            String qinshui) throws Exception {
        Api.Response county = api.post(INSPECTIONS + "zezhou-gaodu/inspections", zezhou, PASS.formatted("COUNTY"));
        assertThat(county.status()).isEqualTo(201);
        assertThat(county.body().get("snapshot").get("compliant").asBoolean()).isTrue();
        assertThat(county.body().get("snapshot").get("standards").toString()).contains("jincheng-township-equipment@1")
                .contains("jincheng-township-staffing@1").contains("jincheng-2019@housing");
        assertThat(api.post(INSPECTIONS + "zezhou-gaodu/inspections", inspector, PASS.formatted("CITY")).status())
                .isEqualTo(201);
        assertThat(api.post(INSPECTIONS + "qinshui-zhongcun/inspections", qinshui, PASS.formatted("COUNTY")).status())
                .isEqualTo(201);
        assertThat(api.post(INSPECTIONS + "qinshui-zhongcun/inspections", inspector, PASS.formatted("CITY")).status())
                .isEqualTo(201);
    }

    private static void aPassOnANonCompliantBrigadeNeedsAReasonAndIsFlagged(Api api, String zezhou) throws Exception {
        assertThat(api.post(INSPECTIONS + "zezhou-nancun/inspections", zezhou, PASS.formatted("COUNTY")).status())
                .isEqualTo(400);
        Api.Response overridden = api.post(INSPECTIONS + "zezhou-nancun/inspections", zezhou,
                "{\"stage\":\"COUNTY\",\"result\":\"PASS\",\"overrideReason\":\"营房年底竣工，县政府承诺\"}");
        assertThat(overridden.status()).isEqualTo(201);
        assertThat(overridden.body().get("overridden").asBoolean()).isTrue();
    }

    private static void theCountyFailsABrigadeWhoseVehiclesAreMissing(Api api, String zezhou) throws Exception {
        assertThat(api.post(INSPECTIONS + "zezhou-dayang/inspections", zezhou,
                "{\"stage\":\"COUNTY\",\"result\":\"FAIL\",\"notes\":\"车辆未到位\"}").status()).isEqualTo(201);
    }

    /** Returns the report's rows by brigade id, which the downloaded files must repeat. */
    private static Map<String, JsonNode> theReportGivesEveryBrigadeItsOutcome(Api api, String admin, String inspector)
            throws Exception {
        JsonNode report = api.get("/api/v1/acceptance/2019/report", inspector).body();
        Map<String, JsonNode> rows = byId(report.get("brigades"));
        assertThat(rows).hasSize(23);
        assertThat(rows.get("zezhou-gaodu").get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(rows.get("qinshui-zhongcun").get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(rows.get("zezhou-nancun").get("outcome").asString()).isEqualTo("PENDING");
        assertThat(rows.get("zezhou-nancun").get("overridden").asBoolean()).isTrue();
        assertThat(rows.get("zezhou-dayang").get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rows.get("yangcheng-ciying").get("outcome").asString()).isEqualTo("DEFERRED");
        assertThat(rows.get("lingchuan-fucheng").get("outcome").asString()).isEqualTo("DEFERRED");
        assertThat(rows.get("zezhou-bagong").get("outcome").asString()).isEqualTo("PENDING");
        assertThat(rows.get("zezhou-nancun").get("failingChecks").toString()).contains("housing.floor-area");
        JsonNode zezhouTotals = null;
        for (JsonNode c : report.get("counties")) {
            if (c.get("id").asString().equals("zezhou")) {
                zezhouTotals = c;
            }
        }
        assertThat(zezhouTotals.get("total").asInt()).isEqualTo(6);
        assertThat(zezhouTotals.get("accepted").asInt()).isEqualTo(1);
        JsonNode milestones = api.get("/api/v1/brigades/zezhou-gaodu/milestones", admin).body().get("items");
        for (JsonNode m : milestones) {
            if (m.get("id").asString().equals("acceptance")) {
                assertThat(m.get("status").asString()).isEqualTo("ACCEPTED");
            }
        }
        return rows;
    }

    private static void theCsvAndXlsxFilesHoldTheSameTable(Api api, String inspector, Map<String, JsonNode> rows)
            throws Exception {
        Map<String, String> fromJson = new HashMap<>();
        rows.forEach((id, row) -> fromJson.put(id, row.get("outcome").asString()));
        byte[] csv = api.download("/api/v1/acceptance/2019/report?format=csv", inspector);
        assertThat(new String(csv, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("\u00EF\u00BB\u00BF");
        List<List<String>> csvTable = new ArrayList<>();
        for (String line : new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n")) {
            csvTable.add(List.of(line.split(",", -1)));
        }
        assertThat(csvTable.get(0).get(0)).startsWith("队站编号");
        Map<String, String> fromCsv = new HashMap<>();
        csvTable.subList(1, csvTable.size()).forEach(r -> fromCsv.put(r.get(0), r.get(13)));
        assertThat(fromCsv).isEqualTo(fromJson);
        byte[] xlsx = api.download("/api/v1/acceptance/2019/report?format=xlsx", inspector);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, String> fromXlsx = new HashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    fromXlsx.put(row.getCell(0).getStringCellValue(), row.getCell(13).getStringCellValue());
                }
            }
            assertThat(fromXlsx).isEqualTo(fromJson);
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).startsWith("县");
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(2)).startsWith("县级验收");
        }
        assertThat(api.get("/api/v1/acceptance/2019/report?format=pdf", inspector).status()).isEqualTo(400);
    }

    private static void withEquipmentServiceDownTheReportIsDegradedNotBroken(RunningStack stack, Api api, String admin,
            String inspector, String zezhou) throws Exception {
        stack.crash("equipment-service");
        stack.awaitOutput("equipment-service died", Duration.ofSeconds(10));
        Api.Response degraded = api.get("/api/v1/acceptance/2019/report", inspector);
        assertThat(degraded.status()).isEqualTo(200);
        Map<String, JsonNode> degradedRows = byId(degraded.body().get("brigades"));
        assertThat(degradedRows).hasSize(23);
        assertThat(degradedRows.get("zezhou-gaodu").get("outcome").asString()).isEqualTo("UNAVAILABLE");
        assertThat(degradedRows.get("zezhou-gaodu").get("problem").asString()).contains("equipment-service");
        assertThat(degradedRows.get("yangcheng-ciying").get("outcome").asString()).isEqualTo("DEFERRED");
        Api.Response refused = api.post(INSPECTIONS + "zezhou-bagong/inspections", zezhou, PASS.formatted("COUNTY"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().get("service").asString()).isEqualTo("equipment-service");
        assertThat(api.get("/api/v1/acceptance/2019/brigades/zezhou-bagong/inspections", admin).body().get("items"))
                .isEmpty();
    }

    private static Map<String, JsonNode> byId(JsonNode rows) {
        Map<String, JsonNode> map = new HashMap<>();
        rows.forEach(r -> map.put(r.get("id").asString(), r));
        return map;
    }

    /** What a county does in a year to meet the full standard: housing, vehicles, PPE, staff and funding. */
    private static void bringToStandard(Api api, String clerk, String brigade, int floor, int site, int bays,
            String vehicles) throws Exception {
        String etag = api.get("/api/v1/brigades/" + brigade, clerk).header("ETag");
        assertThat(api.patch("/api/v1/brigades/" + brigade, clerk, etag,
                "{\"housing\":{\"floorAreaM2\":" + floor + ",\"siteAreaM2\":" + site + ",\"garageBays\":" + bays
                        + ",\"rooms\":[\"COMMS_DUTY_ROOM\",\"STANDBY_ROOM\",\"EQUIPMENT_STORE\",\"DORMITORY\"]}}")
                .status()).isEqualTo(200);
        for (String v : vehicles.split(" ")) {
            String[] typeAndPlate = v.split(":");
            assertThat(api.post("/api/v1/brigades/" + brigade + "/vehicles", clerk,
                    "{\"type\":\"" + typeAndPlate[0] + "\",\"plate\":\"" + typeAndPlate[1] + "\"}").status()).isEqualTo(201);
        }
        for (String item : PPE.split(" ")) {
            assertThat(api.post("/api/v1/brigades/" + brigade + "/equipment", clerk,
                    "{\"itemCode\":\"" + item + "\",\"quantity\":10}").status()).isEqualTo(201);
        }
        for (int i = 1; i <= 10; i++) {
            assertThat(api.post("/api/v1/brigades/" + brigade + "/firefighters", clerk,
                    "{\"name\":\"队员" + i + "\",\"employment\":\"CONTRACT\",\"startDate\":\"2019-07-01\"}").status())
                    .isEqualTo(201);
        }
        assertThat(api.send("PUT", "/api/v1/brigades/" + brigade + "/funding/2019", clerk, null,
                "{\"amountYuan\":500000,\"source\":\"COUNTY_FINANCE\"}").status()).isEqualTo(200);
    }
}
