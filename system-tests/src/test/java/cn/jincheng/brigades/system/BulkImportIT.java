package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Bulk import through the running system: templates, CSV and XLSX files from each kind of user,
 * all-or-nothing and valid-rows, and the files counties really send by mistake. One scenario,
 * because starting the stack is the expensive part; later files name brigades an earlier one created.
 */
class BulkImportIT {

    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void countiesAndTheCityImportFilesAndBadFilesChangeNothing() throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-import"))) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            String admin = api.token("admin", RunningStack.PASSWORD);
            String clerk = api.token("clerk-zezhou", RunningStack.PASSWORD);
            String inspector = api.token("inspector", RunningStack.PASSWORD);

            theTemplatesHaveChineseHeadingsAndAnExplanationSheet(api, clerk);
            theCityCreatesBrigadesAndEachGetsThePlansMilestones(api, admin, clerk);
            anEquipmentFileWithErrorsStoresNothingAndNamesEachByRowAndColumn(api, clerk);
            theSameFileInValidRowsModeStoresItsValidRowsOnly(api, clerk);
            vehiclesComeFromAWorkbookAndTheSamePlateTwiceIsCaughtInTheFile(api, clerk);
            tenFirefightersAreImportedForANewBrigade(api, clerk);
            filesSentByMistakeAreAllRefusedWithAProblemAndStoreNothing(api, admin, clerk, inspector);
            everyImportIsInTheAuditTrailAndTheChainsStillVerify(api, admin);
            System.out.println("[import] brigades, vehicles, equipment and firefighters imported; "
                    + "bad files refused with problems, nothing stored; audit chains intact");
            assertThat(stack.stop()).isZero();
        }
    }

    private static void theTemplatesHaveChineseHeadingsAndAnExplanationSheet(Api api, String clerk) throws Exception {
        String csvTemplate = new String(api.download("/api/v1/imports/firefighters/template?format=csv", clerk),
                StandardCharsets.UTF_8);
        assertThat(csvTemplate).isEqualTo("\uFEFF队站编号,姓名,用工形式,入职日期,离职日期\r\n");
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(
                api.download("/api/v1/imports/equipment/template", clerk)))) {
            assertThat(template.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("数量");
            assertThat(template.getSheetName(1)).isEqualTo("填写说明");
        }
    }

    private static void theCityCreatesBrigadesAndEachGetsThePlansMilestones(Api api, String admin, String clerk)
            throws Exception {
        Api.Response brigades = api.upload("/api/v1/imports/brigades", admin, CSV, utf8(
                "队站编号,县（市、区）编号,乡镇,等级,建设模式,合建企业,基本情况\n"
                        + "zezhou-import-1,zezhou,新镇一,二级,政府自筹建设,,\n"
                        + "zezhou-import-2,zezhou,新镇二,LEVEL_ONE,JOINT_ENTERPRISE,某煤矿,\"有企业专职队,可联建\"\n"));
        assertThat(brigades.status()).as(String.valueOf(brigades.body())).isEqualTo(200);
        assertThat(brigades.body().get("stored").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/brigades/zezhou-import-2", clerk).body().get("town").asString()).isEqualTo("新镇二");
        assertThat(api.get("/api/v1/brigades/zezhou-import-1/milestones", clerk).body().get("items").size())
                .isGreaterThan(0);
        assertThat(api.upload("/api/v1/imports/brigades", clerk, CSV, utf8("队站编号,县（市、区）编号,乡镇,等级,建设模式\n"))
                .status()).as("only the city creates brigades").isEqualTo(403);
    }

    private static void anEquipmentFileWithErrorsStoresNothingAndNamesEachByRowAndColumn(Api api, String clerk)
            throws Exception {
        String equipmentBefore = api.get("/api/v1/brigades/zezhou-gaodu/equipment", clerk).body().toString();
        Api.Response refused = api.upload("/api/v1/imports/equipment", clerk, CSV, utf8(
                "队站编号,器材代码,数量,有效期至\nzezhou-gaodu,PPE_HELMET,10,\nzezhou-gaodu,NO_SUCH_ITEM,ten,\n"
                        + "gaoping-macun,PPE_HELMET,5,\n"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(errors(refused)).containsExactly("3 数量", "4 队站编号");
        Api.Response checked = api.upload("/api/v1/imports/equipment?dryRun=true", clerk, CSV, utf8(
                "队站编号,器材代码,数量\nzezhou-gaodu,NO_SUCH_ITEM,3\n"));
        assertThat(errors(checked)).containsExactly("2 器材代码");
        assertThat(api.get("/api/v1/brigades/zezhou-gaodu/equipment", clerk).body().toString()).isEqualTo(equipmentBefore);
    }

    private static void theSameFileInValidRowsModeStoresItsValidRowsOnly(Api api, String clerk) throws Exception {
        Api.Response partial = api.upload("/api/v1/imports/equipment?mode=valid-rows", clerk, CSV, utf8(
                "队站编号,器材代码,数量,有效期至\nzezhou-gaodu,PPE_HELMET,10,2030-01-01\nzezhou-gaodu,NO_SUCH_ITEM,3,\n"
                        + "zezhou-import-1,PPE_HELMET,4,\n"));
        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.body().get("stored").asInt()).isEqualTo(2);
        assertThat(errors(partial)).containsExactly("3 器材代码");
        assertThat(api.get("/api/v1/brigades/zezhou-import-1/equipment", clerk).body().get("items").size()).isEqualTo(1);
    }

    private static void vehiclesComeFromAWorkbookAndTheSamePlateTwiceIsCaughtInTheFile(Api api, String clerk)
            throws Exception {
        Api.Response vehicles = api.upload("/api/v1/imports/vehicles", clerk, XLSX, workbook(List.of(
                List.of("队站编号", "车辆类型代码", "车牌号", "状态"),
                List.of("zezhou-import-1", "WATER_TANKER", "晋E·31001", "在用"),
                List.of("zezhou-import-2", "WATER_TANKER", "晋E·31001", ""))));
        assertThat(errors(vehicles)).containsExactly("3 车牌号");
        Api.Response vehicleOk = api.upload("/api/v1/imports/vehicles", clerk, XLSX, workbook(List.of(
                List.of("队站编号", "车辆类型代码", "车牌号", "状态"),
                List.of("zezhou-import-1", "WATER_TANKER", "晋E·31001", "在用"),
                List.of("zezhou-import-2", "WATER_TANKER", "晋E·31002", "停用"))));
        assertThat(vehicleOk.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/brigades/zezhou-import-2/vehicles", clerk).body().get("items").get(0)
                .get("status").asString()).isEqualTo("OUT_OF_SERVICE");
    }

    private static void tenFirefightersAreImportedForANewBrigade(Api api, String clerk) throws Exception {
        StringBuilder roster = new StringBuilder("队站编号,姓名,用工形式,入职日期,离职日期\n");
        for (int i = 1; i <= 10; i++) {
            roster.append("zezhou-import-1,消防员").append(i).append(",劳务派遣,2019-08-0").append(i % 9 + 1).append(",\n");
        }
        assertThat(api.upload("/api/v1/imports/firefighters", clerk, CSV, utf8(roster.toString())).body()
                .get("stored").asInt()).isEqualTo(10);
        assertThat(api.get("/api/v1/brigades/zezhou-import-1/firefighters", clerk).body().get("items").size())
                .isEqualTo(10);
    }

    private static void filesSentByMistakeAreAllRefusedWithAProblemAndStoreNothing(Api api, String admin, String clerk,
            String inspector) throws Exception {
        String state = stateOf(api, admin);
        byte[] gbk = "队站编号,姓名,用工形式,入职日期\nzezhou-gaodu,王五,合同制,2019-08-01\n".getBytes(Charset.forName("GBK"));
        assertProblem(api.upload("/api/v1/imports/firefighters", clerk, CSV, gbk), 400, "CSV UTF-8");
        assertProblem(api.upload("/api/v1/imports/firefighters", clerk, CSV, utf8("名字,年龄\n张三,30\n")), 400,
                "heading row");
        Api.Response formula = api.upload("/api/v1/imports/equipment", clerk, XLSX, workbookWithFormula());
        assertProblem(formula, 400, "rows have errors");
        assertThat(formula.body().get("errors").get(0).get("column").asString()).isEqualTo("C2");
        assertProblem(api.upload("/api/v1/imports/equipment", clerk, XLSX, utf8("PK not really a workbook")), 400, "XLSX");
        // read as a stream and stopped at the row limit: the gateway (256 MB heap) stays up
        assertProblem(api.upload("/api/v1/imports/equipment", clerk, XLSX, HostileFiles.workbookOfRows(300_000)), 400,
                "at most 10000 rows");
        assertProblem(api.upload("/api/v1/imports/firefighters", clerk, CSV,
                utf8("队站编号,姓名,用工形式,入职日期\nzezhou-gaodu,\"王五,合同制,2019-08-01\n")), 400, "at line");
        assertProblem(api.upload("/api/v1/imports/equipment", clerk, "application/json", utf8("{}")), 415, "");
        assertProblem(api.upload("/api/v1/imports/vehicles", inspector, CSV, utf8("队站编号\n")), 403, "");
        assertProblem(api.upload("/api/v1/imports/planes", admin, CSV, utf8("a\n")), 404, "");
        byte[] huge = new byte[100 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        assertProblem(api.upload("/api/v1/imports/equipment", clerk, CSV, huge), 413, "larger than");
        assertThat(stateOf(api, admin)).isEqualTo(state);
    }

    private static void everyImportIsInTheAuditTrailAndTheChainsStillVerify(Api api, String admin) throws Exception {
        JsonNode audit = api.get("/api/v1/audit?brigade=zezhou-import-1", admin).body().get("items");
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("brigade.import", "equipment.import", "vehicle.import", "firefighter.import");
        assertThat(api.get("/api/v1/audit/verify", admin).body().get("verified").asBoolean()).isTrue();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** "row column" of each error. */
    private static List<String> errors(Api.Response response) {
        List<String> found = new ArrayList<>();
        response.body().get("errors").forEach(e -> found.add(e.get("row").asInt() + " " + e.get("column").asString()));
        return found;
    }

    private static void assertProblem(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body().get("detail").asString()).contains(detail);
    }

    private static String stateOf(Api api, String token) throws Exception {
        StringBuilder state = new StringBuilder();
        for (String path : List.of("/api/v1/brigades", "/api/v1/brigades/zezhou-gaodu/equipment",
                "/api/v1/brigades/zezhou-gaodu/firefighters", "/api/v1/brigades/zezhou-import-1/equipment",
                "/api/v1/brigades/zezhou-import-1/vehicles")) {
            state.append(api.get(path, token).body()).append('\n');
        }
        return state.toString();
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] workbookWithFormula() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("队站编号");
            heading.createCell(1).setCellValue("器材代码");
            heading.createCell(2).setCellValue("数量");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("zezhou-gaodu");
            row.createCell(1).setCellValue("PPE_HELMET");
            row.createCell(2).setCellFormula("HYPERLINK(\"http://evil\",10)");
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
