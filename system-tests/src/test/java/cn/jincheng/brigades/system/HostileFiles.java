package cn.jincheng.brigades.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Files no import or attachment should take: bombs, huge sheets, broken CSV, truncated or disguised bytes. */
final class HostileFiles {

    private HostileFiles() {
    }

    /**
     * A workbook whose one sheet inflates to about 200 MB from a few hundred KB: the same row again
     * and again, so the ratio is far beyond what a real sheet has.
     */
    static byte[] zipBombWorkbook() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas."
                    + "openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                    + "</workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\""
                    + "worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            byte[] row = ("<row><c t=\"inlineStr\"><is><t>" + "A".repeat(1000) + "</t></is></c></row>")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200_000; i++) {
                zip.write(row);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** An equipment workbook of {@code rows} rows, written as a stream: a few MB, under the 20 MB upload cap. */
    static byte[] workbookOfRows(int rows) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet();
            Row heading = sheet.createRow(0);
            List<String> names = List.of("队站编号", "器材代码", "数量", "有效期至");
            for (int c = 0; c < names.size(); c++) {
                heading.createCell(c).setCellValue(names.get(c));
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("zezhou-gaodu");
                row.createCell(1).setCellValue("PPE_HELMET");
                row.createCell(2).setCellValue(1);
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    /** CSV files with broken quoting after a kind's own heading row. */
    static List<byte[]> brokenCsv(String heading) {
        String h = heading.strip();
        return List.of(
                utf8(h + "\nzezhou-gaodu,\"unterminated,WATER_TANKER,2019-08-01\n"),
                utf8(h + "\nzezhou-gaodu,\"closed\"junk,WATER_TANKER,2019-08-01\n"),
                utf8(h + "\nzezhou-gaodu,in\"side,WATER_TANKER,2019-08-01\n"),
                utf8("\uFEFF" + h + "\r\nzezhou-gaodu,x,y,z\r\nzezhou-gaodu,\"" + "x".repeat(100_000)),
                utf8(h + "\rzezhou-gaodu,\"a\"\"\",\"b\rc"));
    }

    /** The first part of a real workbook, cut inside its zip. */
    static byte[] truncated(byte[] file) {
        return Arrays.copyOf(file, file.length / 2);
    }

    /** HTML sent as a photo: the type is sniffed from the bytes, so it must be refused. */
    static byte[] htmlAsPhoto() {
        return utf8("<!DOCTYPE html><html><script>alert(document.cookie)</script></html>");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(utf8(text));
        zip.closeEntry();
    }
}
