package cn.jincheng.brigades.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh directory per test under target/, and a store in it opened on any free port. */
final class TestDirs {

    private TestDirs() {
    }

    static Path fresh(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StandInServer store(Path dir) {
        return StandInServer.open(dir.resolve("store.mv.db"), "127.0.0.1", 0);
    }
}
