package cn.jincheng.brigades.gateway.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * POI's streaming workbooks write their sheets to temporary files, by default in
 * {@code java.io.tmpdir/poifiles}: one directory for every user of the machine, owned by whoever
 * made it first, so that another user's gateway could not write a single spreadsheet there. The
 * gateway gives POI a directory of its own (private to the process's user) instead.
 */
final class PoiTempFiles {

    private static final Path DIRECTORY = create();

    private PoiTempFiles() {
    }

    /** Makes POI use this process's own directory; safe to call any number of times. */
    static Path useOwnDirectory() {
        return DIRECTORY;
    }

    private static Path create() {
        try {
            Path directory = Files.createTempDirectory("brigades-poi-");
            directory.toFile().deleteOnExit();
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(directory.toFile()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for spreadsheets", e);
        }
    }
}
