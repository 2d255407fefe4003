package cn.jincheng.brigades.gateway.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import cn.jincheng.brigades.gateway.problem.ApiException;

/**
 * The first sheet of a workbook by POI's streaming (SAX) reader: rows are handed over as the sheet's
 * XML is parsed and reading stops at the row limit, so a workbook of 300,000 rows costs what 10,000
 * cost. The package is opened from a temporary file (random access to its zip entries, none held
 * in memory whole). Bounds: the shared strings, the one part read whole, may not exceed
 * {@value #MAX_SHARED_STRINGS_BYTES} bytes unpacked; no entry may expand more than POI's inflate-ratio
 * guard allows (a zip bomb) or beyond {@value #MAX_ENTRY_BYTES} bytes.
 */
final class XlsxSheetReader {

    static final long MAX_SHARED_STRINGS_BYTES = 16L * 1024 * 1024;
    static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;

    static {
        // process-wide POI settings; the gateway reads workbooks nowhere else
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private XlsxSheetReader() {
    }

    static Sheet read(byte[] body) {
        Path file = null;
        try {
            file = Files.createTempFile("import-", ".xlsx");
            Files.write(file, body);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                return firstSheet(pkg);
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest("the file is not a readable XLSX workbook");
        } finally {
            delete(file);
        }
    }

    private static Sheet firstSheet(OPCPackage pkg)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        for (PackagePart strings : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
            if (strings.getSize() > MAX_SHARED_STRINGS_BYTES) {
                throw ApiException.badRequest("the workbook holds more text than an import of "
                        + SheetReader.MAX_ROWS + " rows needs; split it");
            }
        }
        XSSFReader reader = new XSSFReader(pkg);
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw ApiException.badRequest("the workbook has no sheet");
        }
        SheetReader.Rows rows = new SheetReader.Rows();
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable styles = reader.getStylesTable();
        RowCollector collector = new RowCollector(rows);
        try (InputStream sheet = sheets.next()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new FormulaAwareHandler(styles, strings, collector));
            xml.parse(new InputSource(sheet));
        }
        return rows.sheet("the first sheet has no heading row");
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * POI's sheet handler, also reporting formulas: a cell with one is a problem at its reference and
     * its value (cached, or none when the file was never calculated) is not taken.
     */
    private static final class FormulaAwareHandler extends XSSFSheetXMLHandler {
        private final RowCollector collector;
        private String cellReference;

        FormulaAwareHandler(StylesTable styles, ReadOnlySharedStringsTable strings, RowCollector collector) {
            super(styles, null, strings, collector, new IsoCellFormatter(), false);
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                cellReference = attributes.getValue("r");
                collector.formula = false;
            } else if ("f".equals(localName) && !collector.formula) {
                collector.formula = true;
                collector.formulaAt(cellReference);
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    /** Cells of one row at a time, placed by column (a sparse row has gaps), handed to the rows. */
    private static final class RowCollector implements SheetContentsHandler {
        private final SheetReader.Rows rows;
        private final List<String> cells = new ArrayList<>();
        private boolean formula;
        private int rowIndex;

        RowCollector(SheetReader.Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            rowIndex = rowNum;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(rowNum + 1, List.copyOf(cells));
        }

        void formulaAt(String cellReference) {
            String at = cellReference != null ? cellReference
                    : new CellReference(rowIndex, cells.size()).formatAsString();
            rows.problem(new RowProblem(rowIndex + 1, at, null,
                    "formulas are not accepted: copy the cells and paste them as values"));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            if (formula) {
                cells.add("");
            } else {
                cells.add(formattedValue == null ? "" : formattedValue);
            }
        }
    }

    /** A cell as the user sees it, in one form whatever its style: dates as YYYY-MM-DD, whole numbers without ".0". */
    private static final class IsoCellFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
