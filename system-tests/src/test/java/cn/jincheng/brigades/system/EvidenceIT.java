package cn.jincheng.brigades.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.common.testing.TestImages;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22's "Must show" for evidence, on the system started by run.sh: a photo attached to a
 * milestone submission comes back byte for byte with its hash in the audit; a disguised page and an
 * oversized file are refused; another county's clerk finds nothing; the report counts the evidence.
 */
class EvidenceIT {

    private static final String GAODU = "/api/v1/brigades/zezhou-gaodu";

    @Test
    void aPhotoOnAMilestoneSubmissionFromUploadToTheReport() throws Exception {
        try (RunningStack stack = new RunningStack(Files.createTempDirectory("brigades-evidence"))) {
            stack.start();
            Api api = new Api(stack.gatewayPort);
            String clerk = api.token("clerk-zezhou", RunningStack.PASSWORD);
            String other = api.token("clerk-gaoping", RunningStack.PASSWORD);
            String inspector = api.token("inspector", RunningStack.PASSWORD);
            String milestone = api.get(GAODU + "/milestones", clerk).body().get("items").get(0).get("id").asString();
            Map<String, String> fields = Map.of("recordKind", "MILESTONE_SUBMISSION", "recordId", milestone);

            byte[] photo = TestImages.jpegWithGps(1024, 768, 35.49, 112.85);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
            Api.Response stored = api.multipart(GAODU + "/attachments", clerk, fields, "现场照片.jpg", photo);
            assertThat(stored.status()).as(String.valueOf(stored.body())).isEqualTo(201);
            JsonNode a = stored.body();
            assertThat(a.get("id").asString()).isNotBlank();
            assertThat(a.get("sha256").asString()).isEqualTo(sha256);
            assertThat(a.get("contentType").asString()).isEqualTo("image/jpeg");
            assertThat(a.get("gps").get("lat").asDouble()).isBetween(35.48, 35.50);
            assertThat(api.download(a.get("contentUrl").asString(), clerk)).isEqualTo(photo);
            assertThat(api.download(a.get("thumbnailUrl").asString(), clerk)).isNotEmpty();

            JsonNode audit = api.get("/api/v1/audit?brigade=zezhou-gaodu", inspector).body().get("items");
            assertThat(audit.toString()).contains("attachment.add").contains(sha256);

            Api.Response disguised = api.multipart(GAODU + "/attachments", clerk, fields, "photo.jpg",
                    "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes());
            assertThat(disguised.status()).isEqualTo(415);
            assertThat(disguised.header("Content-Type")).contains("problem+json");
            assertThat(disguised.body().get("detail").asString()).contains("text/html");

            byte[] oversized = java.util.Arrays.copyOf(TestImages.jpeg(64, 48), 11 * 1024 * 1024);
            Api.Response big = api.multipart(GAODU + "/attachments", clerk, fields, "big.jpg", oversized);
            assertThat(big.status()).isEqualTo(413);
            assertThat(big.header("Content-Type")).contains("problem+json");

            assertThat(api.multipart(GAODU + "/attachments", other, fields, "x.jpg", TestImages.jpeg(40, 30)).status())
                    .isEqualTo(404);
            assertThat(api.get(a.get("contentUrl").asString(), other).status()).isEqualTo(404);

            JsonNode rows = api.get("/api/v1/acceptance/2019/report", inspector).body().get("brigades");
            for (JsonNode row : rows) {
                long expected = row.get("id").asString().equals("zezhou-gaodu") ? 1 : 0;
                assertThat(row.get("evidence").get("count").asLong()).as(row.get("id").asString()).isEqualTo(expected);
            }
            byte[] xlsx = api.download("/api/v1/acceptance/2019/report?format=xlsx", inspector);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getSheetAt(0);
                Row header = sheet.getRow(0);
                int column = -1;
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    if (header.getCell(c).getStringCellValue().contains("(evidence)")) {
                        column = c;
                    }
                }
                assertThat(column).isNotNegative();
                boolean found = false;
                for (Row row : sheet) {
                    if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals("zezhou-gaodu")) {
                        assertThat(row.getCell(column).toString()).startsWith("1");
                        found = true;
                    }
                }
                assertThat(found).isTrue();
            }
            assertThat(stack.stop()).isZero();
        }
    }
}
