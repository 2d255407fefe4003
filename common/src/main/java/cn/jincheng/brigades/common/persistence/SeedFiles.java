package cn.jincheng.brigades.common.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.bson.Document;
import org.springframework.core.io.Resource;

/** Seed data files (plans, catalogs, rules) are JSON, read as BSON documents of the stored shape. */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static Document read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed file " + file, e);
        }
    }
}
