package cn.jincheng.brigades.equipment.domain.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.bson.Document;

import cn.jincheng.brigades.equipment.domain.catalog.Catalog;
import cn.jincheng.brigades.equipment.persistence.CatalogCodec;

/** The catalog the product ships with, read from its seed file as the service reads it. */
public final class SeedCatalog {

    private SeedCatalog() {
    }

    public static Catalog load() {
        try (InputStream in = SeedCatalog.class.getResourceAsStream("/catalog/township-standard-2019.json")) {
            Document d = Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Catalog c = CatalogCodec.catalog(d);
            return new Catalog(c.id(), 1, c.title(), java.time.Instant.EPOCH, "seed", c.note(), c.defaultHeadcount(),
                    c.vehicleTypes(), c.items(), c.rules());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
