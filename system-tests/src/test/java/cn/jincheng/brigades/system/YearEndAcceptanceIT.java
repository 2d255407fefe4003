package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The 2019 year-end acceptance as a city inspector lives it, on the system started by run.sh. */
class YearEndAcceptanceIT {

    private static final String PPE = "PPE_HELMET PPE_SUIT PPE_GLOVES PPE_SAFETY_BELT PPE_BOOTS";

    @Test
    void the2019AcceptanceFromComplianceToTheReportAndItsFiles() throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-acceptance"))) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            String admin = api.token("admin", RunningStack.PASSWORD);
            String inspector = api.token("inspector", RunningStack.PASSWORD);
            String zezhou = api.token("clerk-zezhou", RunningStack.PASSWORD);
            String qinshui = api.token("clerk-qinshui", RunningStack.PASSWORD);

            bringToStandard(api, zezhou, "zezhou-gaodu", 650, 1100, 3, "WATER_TANKER:晋E·50001 RESCUE:晋E·50002");
            bringToStandard(api, qinshui, "qinshui-zhongcun", 420, 760, 2, "WATER_TANKER:晋E·50011");
            JsonNode gaodu = api.get("/api/v1/brigades/zezhou-gaodu/compliance", admin).body();
            assertThat(gaodu.get("compliant").asBoolean()).as(gaodu.toString()).isTrue();
            JsonNode zhongcun = api.get("/api/v1/brigades/qinshui-zhongcun/compliance", admin).body();
            assertThat(zhongcun.get("compliant").asBoolean()).as(zhongcun.toString()).isTrue();

            String pass = "{\"stage\":\"%s\",\"result\":\"PASS\",\"notes\":\"现场逐一检查\"}";
            String base = "/api/v1/acceptance/2019/brigades/";
            assertThat(api.post(base + "zezhou-gaodu/inspections", inspector, pass.formatted("CITY")).status()).isEqualTo(409);
            assertThat(api.post(base + "zezhou-gaodu/inspections", qinshui, pass.formatted("COUNTY")).status()).isEqualTo(403);
            assertThat(api.post(base + "zezhou-gaodu/inspections", zezhou, pass.formatted("CITY")).status()).isEqualTo(403);
            assertThat(api.post(base + "zezhou-gaodu/inspections", zezhou, pass.formatted("STATE")).status()).isEqualTo(400);
            assertThat(api.post("/api/v1/acceptance/2031/brigades/zezhou-gaodu/inspections", zezhou,
                    pass.formatted("COUNTY")).status()).isEqualTo(400);

            Api.Response county = api.post(base + "zezhou-gaodu/inspections", zezhou, pass.formatted("COUNTY"));
            assertThat(county.status()).isEqualTo(201);
            assertThat(county.body().get("snapshot").get("compliant").asBoolean()).isTrue();
            assertThat(county.body().get("snapshot").get("standards").toString()).contains("jincheng-township-equipment@1")
                    .contains("jincheng-township-staffing@1").contains("jincheng-2019@housing");
            assertThat(api.post(base + "zezhou-gaodu/inspections", inspector, pass.formatted("CITY")).status()).isEqualTo(201);
            assertThat(api.post(base + "qinshui-zhongcun/inspections", qinshui, pass.formatted("COUNTY")).status()).isEqualTo(201);
            assertThat(api.post(base + "qinshui-zhongcun/inspections", inspector, pass.formatted("CITY")).status()).isEqualTo(201);

            // a PASS on a non-compliant brigade needs a reason, and is flagged
            assertThat(api.post(base + "zezhou-nancun/inspections", zezhou, pass.formatted("COUNTY")).status()).isEqualTo(400);
            Api.Response overridden = api.post(base + "zezhou-nancun/inspections", zezhou,
                    "{\"stage\":\"COUNTY\",\"result\":\"PASS\",\"overrideReason\":\"营房年底竣工，县政府承诺\"}");
            assertThat(overridden.status()).isEqualTo(201);
            assertThat(overridden.body().get("overridden").asBoolean()).isTrue();
            assertThat(api.post(base + "zezhou-dayang/inspections", zezhou,
                    "{\"stage\":\"COUNTY\",\"result\":\"FAIL\",\"notes\":\"车辆未到位\"}").status()).isEqualTo(201);

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

            // the same table as CSV and as XLSX
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
                assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            }
            assertThat(api.get("/api/v1/acceptance/2019/report?format=pdf", inspector).status()).isEqualTo(400);

            // degraded, not broken: equipment-service down
            stack.crash("equipment-service");
            stack.awaitOutput("equipment-service died", java.time.Duration.ofSeconds(10));
            Api.Response degraded = api.get("/api/v1/acceptance/2019/report", inspector);
            assertThat(degraded.status()).isEqualTo(200);
            Map<String, JsonNode> degradedRows = byId(degraded.body().get("brigades"));
            assertThat(degradedRows).hasSize(23);
            assertThat(degradedRows.get("zezhou-gaodu").get("outcome").asString()).isEqualTo("UNAVAILABLE");
            assertThat(degradedRows.get("zezhou-gaodu").get("problem").asString()).contains("equipment-service");
            assertThat(degradedRows.get("yangcheng-ciying").get("outcome").asString()).isEqualTo("DEFERRED");
            Api.Response refused = api.post(base + "zezhou-bagong/inspections", zezhou, pass.formatted("COUNTY"));
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().get("service").asString()).isEqualTo("equipment-service");
            assertThat(api.get("/api/v1/acceptance/2019/brigades/zezhou-bagong/inspections", admin).body().get("items"))
                    .isEmpty();
            assertThat(stack.stop()).isZero();
        }
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
