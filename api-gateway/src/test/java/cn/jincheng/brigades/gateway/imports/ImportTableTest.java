package cn.jincheng.brigades.gateway.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.jincheng.brigades.gateway.problem.ApiException;

class ImportTableTest {

    private static ImportTable.Result csv(ImportKind kind, String text) {
        return ImportTable.read(kind, SheetReader.read(text.getBytes(StandardCharsets.UTF_8), false));
    }

    @Test
    void chineseOrEnglishHeadingsQuotedCellsAndABomAreRead() {
        ImportTable.Result result = csv(ImportKind.EQUIPMENT,
                "\uFEFF队站编号,itemCode,数量,有效期至\r\nzezhou-gaodu,PPE_HELMET,12,2025/1/31\r\n\r\n"
                        + "\"zezhou-gaodu\",\"HOSE,65\"\"\",3,\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).row()).isEqualTo(2);
        assertThat(result.rows().get(0).number("quantity")).isEqualTo(12);
        assertThat(result.rows().get(0).date("expiresOn")).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(result.rows().get(1).row()).as("the blank row still counts").isEqualTo(4);
        assertThat(result.rows().get(1).text("itemCode")).isEqualTo("HOSE,65\"");
        assertThat(result.rows().get(1).date("expiresOn")).isNull();
    }

    @Test
    void brigadeFilesUseThePlansWordsAndFilesFromTheEarlierTemplateStillRead() {
        ImportTable.Result now = csv(ImportKind.BRIGADES, "队站编号,县（市、区）编号,乡镇,等级,建设形式,联建单位或依托力量\n"
                + "gaoping-x,gaoping,新镇,二级,因地制宜建设,派出所\ngaoping-y,gaoping,新镇二,二级,政府与企业联建,某煤矿\n");
        assertThat(now.problems()).isEmpty();
        assertThat(now.rows()).extracting(r -> r.text("constructionMode")).containsExactly("ADAPTED", "JOINT_ENTERPRISE");
        assertThat(now.rows().get(0).text("partner")).isEqualTo("派出所");
        ImportTable.Result before = csv(ImportKind.BRIGADES, "队站编号,县（市、区）编号,乡镇,等级,建设模式,合建企业\n"
                + "zezhou-z,zezhou,新镇,二级,政府自筹建设,\n");
        assertThat(before.problems()).isEmpty();
        assertThat(before.rows()).singleElement().satisfies(r -> assertThat(r.text("constructionMode")).isEqualTo("SELF_BUILT"));
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndColumn() {
        ImportTable.Result result = csv(ImportKind.FIREFIGHTERS,
                "队站编号,姓名,用工形式,入职日期,离职日期\nzezhou-gaodu,张三,合同制,2019-07-01,\n"
                        + "zezhou-gaodu,,临时工,2019-02-30,\nzezhou-gaodu,李四,CAREER,2019-07-01,soon\n");
        assertThat(result.rows()).extracting(ImportTable.TypedRow::row).containsExactly(2);
        assertThat(result.rows().get(0).text("employment")).isEqualTo("CONTRACT");
        assertThat(result.problems()).extracting(p -> p.row() + " " + p.column())
                .containsExactly("3 姓名", "3 用工形式", "3 入职日期", "4 离职日期");
        assertThat(result.problems().get(1).message()).contains("劳务派遣（LABOUR_DISPATCH）");
    }

    @Test
    void wholeNumbersMustBeWholeAndFit() {
        ImportTable.Result result = csv(ImportKind.EQUIPMENT,
                "brigadeId,itemCode,quantity\na,B,1.5\na,B,99999999999\na,B,ten\na,B,1e400\na,B,7.0\n");
        assertThat(result.problems()).extracting(RowProblem::row).containsExactly(2, 3, 4, 5);
        assertThat(result.rows()).singleElement().satisfies(r -> assertThat(r.number("quantity")).isEqualTo(7));
    }

    @Test
    void aHeadingRowThatDoesNotMatchTheTemplateRefusesTheFileNamingTheColumns() {
        assertThatThrownBy(() -> csv(ImportKind.VEHICLES, "队站编号,车牌号,颜色,车牌号\nx,y,z,w\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.column() + ": " + f.message())
                        .containsExactly("颜色: is not a column of the vehicles template", "车牌号: appears twice",
                                "车辆类型代码: this required column is missing"));
    }

    @Test
    void aFileLongerThanOneImportIsRefusedAskingToSplitIt() {
        StringBuilder csv = new StringBuilder("brigadeId,itemCode,quantity,expiresOn\n");
        for (int i = 0; i < SheetReader.MAX_ROWS; i++) {
            csv.append("zezhou-gaodu,PPE_HELMET,1,\n");
        }
        assertThat(csv(ImportKind.EQUIPMENT, csv.toString()).rows()).hasSize(SheetReader.MAX_ROWS);
        csv.append("zezhou-gaodu,PPE_HELMET,1,\n");
        assertThatThrownBy(() -> csv(ImportKind.EQUIPMENT, csv.toString())).isInstanceOf(ApiException.class)
                .hasMessageContaining("at most " + SheetReader.MAX_ROWS + " rows");
    }

    @Test
    void csvWithBrokenQuotingIsRefusedNamingTheLineRatherThanMergedIntoOneCell() {
        String unterminated = "brigadeId,itemCode,quantity,expiresOn\nzezhou-gaodu,PPE_HELMET,1,\n"
                + "zezhou-gaodu,\"PPE_BOOTS,2,\nzezhou-gaodu,PPE_GLOVES,3,\n";
        assertThatThrownBy(() -> csv(ImportKind.EQUIPMENT, unterminated)).isInstanceOf(ApiException.class)
                .hasMessageContaining("quoting is broken").hasMessageContaining("at line 3");
        String junkAfterQuote = "brigadeId,itemCode,quantity,expiresOn\nzezhou-gaodu,\"PPE_HELMET\"x,1,\n";
        assertThatThrownBy(() -> csv(ImportKind.EQUIPMENT, junkAfterQuote)).isInstanceOf(ApiException.class)
                .hasMessageContaining("at line 2");
        String quotedFields = "\uFEFFbrigadeId,itemCode,quantity,expiresOn\r\n\"zezhou-gaodu\",\"PPE_\"\"HELMET\"\"\",1,\r\n";
        assertThat(SheetReader.read(quotedFields.getBytes(StandardCharsets.UTF_8), false).lines().get(0).cells())
                .containsExactly("zezhou-gaodu", "PPE_\"HELMET\"", "1", "");
    }

    @Test
    void aLongWorkbookIsStoppedAtTheRowLimitWhileItIsRead() throws Exception {
        byte[] file;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("队站编号");
            for (int r = 1; r <= 50_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("zezhou-gaodu");
                // a sparse row: the third column only
                row.createCell(2).setCellValue(r);
            }
            workbook.write(out);
            workbook.dispose();
            file = out.toByteArray();
        }
        assertThatThrownBy(() -> SheetReader.read(file, true)).isInstanceOf(ApiException.class)
                .hasMessageContaining("at most " + SheetReader.MAX_ROWS + " rows");
        byte[] shorter = java.util.Arrays.copyOf(file, file.length / 2);
        assertThatThrownBy(() -> SheetReader.read(shorter, true)).hasMessageContaining("XLSX");
    }

    @Test
    void sparseWorkbookRowsKeepTheirColumns() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            Row heading = sheet.createRow(0);
            for (int c = 0; c < 4; c++) {
                heading.createCell(c).setCellValue("h" + c);
            }
            Row row = sheet.createRow(3);
            row.createCell(1).setCellValue("b");
            row.createCell(3).setCellValue(2.5);
            workbook.write(out);
            file = out.toByteArray();
        }
        Sheet sheet = SheetReader.read(file, true);
        assertThat(sheet.lines()).singleElement().satisfies(line -> {
            assertThat(line.row()).isEqualTo(4);
            assertThat(line.cells()).containsExactly("", "b", "", "2.5");
        });
    }

    @Test
    void csvThatIsNotUtf8IsRefusedRatherThanGuessed() {
        byte[] gbk = "队站编号,姓名\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> SheetReader.read(gbk, false)).isInstanceOf(ApiException.class)
                .hasMessageContaining("CSV UTF-8");
        assertThatThrownBy(() -> SheetReader.read(new byte[0], false)).hasMessageContaining("empty");
    }

    @Test
    void workbookCellsAreReadAsShownAndFormulasAreReportedByCell() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            Row heading = sheet.createRow(0);
            String[] names = { "队站编号", "器材代码", "数量", "有效期至" };
            for (int i = 0; i < names.length; i++) {
                heading.createCell(i).setCellValue(names[i]);
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("zezhou-gaodu");
            first.createCell(1).setCellValue("PPE_HELMET");
            first.createCell(2).setCellValue(10);
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            first.createCell(3).setCellValue(LocalDate.of(2026, 5, 1));
            first.getCell(3).setCellStyle(dateStyle);
            Row second = sheet.createRow(2);
            second.createCell(0).setCellValue("zezhou-gaodu");
            second.createCell(1).setCellValue("PPE_BOOTS");
            second.createCell(2).setCellFormula("2*5");
            workbook.write(out);
            file = out.toByteArray();
        }
        ImportTable.Result result = ImportTable.read(ImportKind.EQUIPMENT, SheetReader.read(file, true));
        assertThat(result.rows().get(0).number("quantity")).isEqualTo(10);
        assertThat(result.rows().get(0).date("expiresOn")).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(result.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("C3");
            assertThat(p.message()).contains("formulas are not accepted");
        });
        assertThatThrownBy(() -> SheetReader.read("not a zip".getBytes(), true)).hasMessageContaining("XLSX");
    }

    @Test
    void aRowWithAFormulaInAnOptionalCellIsNeverTakenAsValid() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            Row heading = sheet.createRow(0);
            String[] names = { "队站编号", "器材代码", "数量", "有效期至" };
            for (int i = 0; i < names.length; i++) {
                heading.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("zezhou-gaodu");
            row.createCell(1).setCellValue("PPE_HELMET");
            row.createCell(2).setCellValue(3);
            row.createCell(3).setCellFormula("TODAY()+365");
            workbook.write(out);
            file = out.toByteArray();
        }
        ImportTable.Result result = ImportTable.read(ImportKind.EQUIPMENT, SheetReader.read(file, true));
        assertThat(result.rows()).isEmpty();
        assertThat(result.problems()).extracting(RowProblem::column).containsExactly("D2");
        assertThat(result.lines()).isEqualTo(1);
    }

    @Test
    void templatesCarryTheChineseHeadingsAndReadBackAsEmpty() {
        for (ImportKind kind : ImportKind.values()) {
            ImportTable.Result fromCsv = ImportTable.read(kind, SheetReader.read(ImportTemplates.csv(kind), false));
            ImportTable.Result fromXlsx = ImportTable.read(kind, SheetReader.read(ImportTemplates.xlsx(kind), true));
            assertThat(fromCsv.rows()).isEmpty();
            assertThat(fromXlsx.rows()).isEmpty();
            assertThat(fromXlsx.problems()).isEmpty();
        }
        assertThat(new String(ImportTemplates.csv(ImportKind.BRIGADES), StandardCharsets.UTF_8))
                .startsWith("\uFEFF队站编号,县（市、区）编号,乡镇,等级,建设形式,联建单位或依托力量");
    }
}
