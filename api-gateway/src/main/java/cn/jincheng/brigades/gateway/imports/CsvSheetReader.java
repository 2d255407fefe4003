package cn.jincheng.brigades.gateway.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import cn.jincheng.brigades.gateway.problem.ApiException;

/**
 * CSV by Apache Commons CSV in strict RFC 4180: quoted fields may hold commas, quotes ("") and line
 * breaks; an unterminated quote or text after a closing quote is an error naming the line, never a
 * silently merged cell. UTF-8 only (with or without Excel's byte order mark): GBK and other
 * encodings are refused rather than guessed.
 */
final class CsvSheetReader {

    private static final CSVFormat STRICT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvSheetReader() {
    }

    static Sheet read(byte[] body) {
        SheetReader.Rows rows = new SheetReader.Rows();
        try (Reader text = utf8(body); CSVParser parser = CSVParser.parse(text, STRICT)) {
            long recordStartsAt = 1;
            try {
                for (CSVRecord record : parser) {
                    rows.add(Math.toIntExact(record.getRecordNumber()), record.toList());
                    recordStartsAt = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException e) {
                throw broken(e.getCause(), recordStartsAt);
            }
        } catch (IOException e) {
            throw broken(e, -1);
        }
        return rows.sheet("the file has no heading row");
    }

    private static Reader utf8(byte[] body) throws IOException {
        BOMInputStream withoutBom = BOMInputStream.builder().setInputStream(new ByteArrayInputStream(body)).get();
        return new InputStreamReader(withoutBom, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static ApiException broken(Throwable cause, long line) {
        if (cause instanceof MalformedInputException || cause instanceof java.nio.charset.CharacterCodingException) {
            return ApiException.badRequest("the file is not UTF-8 text: in Excel, save it as \"CSV UTF-8\"");
        }
        String where = line > 0 ? "in the record starting at line " + line + ": " : "";
        return ApiException.badRequest("the CSV file's quoting is broken " + where
                + "a quoted field must end with a quote followed by a comma or the end of the line ("
                + cause.getMessage() + ")");
    }
}
