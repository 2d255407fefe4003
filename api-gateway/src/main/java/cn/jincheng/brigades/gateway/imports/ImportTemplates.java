package cn.jincheng.brigades.gateway.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.jincheng.brigades.gateway.report.ReportWriters;

/** The files users fill in: the headings of a kind in Chinese; the workbook also explains every column. */
final class ImportTemplates {

    private ImportTemplates() {
    }

    /** CSV in UTF-8 with a BOM, so that Excel shows the Chinese headings right. */
    static byte[] csv(ImportKind kind) {
        return ("\uFEFF" + ReportWriters.csvLine(kind.columns.stream().map(ImportColumn::heading).toList()))
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(ImportKind kind) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet data = workbook.createSheet(kind.title);
            Row heading = data.createRow(0);
            for (int c = 0; c < kind.columns.size(); c++) {
                heading.createCell(c).setCellValue(kind.columns.get(c).heading());
                heading.getCell(c).setCellStyle(bold);
                data.setColumnWidth(c, 20 * 256);
            }
            data.createFreezePane(0, 1);
            Sheet help = workbook.createSheet("填写说明");
            List<String> titles = List.of("列", "字段", "必填", "填写说明");
            Row helpHeading = help.createRow(0);
            for (int c = 0; c < titles.size(); c++) {
                helpHeading.createCell(c).setCellValue(titles.get(c));
                helpHeading.getCell(c).setCellStyle(bold);
            }
            for (int i = 0; i < kind.columns.size(); i++) {
                ImportColumn column = kind.columns.get(i);
                Row row = help.createRow(i + 1);
                row.createCell(0).setCellValue(column.heading());
                row.createCell(1).setCellValue(column.field());
                row.createCell(2).setCellValue(column.required() ? "是" : "否");
                row.createCell(3).setCellValue(column.hint());
            }
            help.createRow(kind.columns.size() + 2).createCell(0).setCellValue(
                    "只读取第一张工作表；第一行为列名，从第二行起每行一条。请勿使用公式。");
            for (int c = 0; c < titles.size(); c++) {
                help.setColumnWidth(c, (c == 3 ? 60 : 18) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
