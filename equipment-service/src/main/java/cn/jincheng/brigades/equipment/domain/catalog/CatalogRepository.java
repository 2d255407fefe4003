package cn.jincheng.brigades.equipment.domain.catalog;

import java.util.List;
import java.util.Optional;

/** Where the published catalog versions are kept. A version, once stored, is never changed. */
public interface CatalogRepository {

    /** The version in force: the highest published. */
    Optional<Catalog> latest();

    Optional<Catalog> version(int version);

    /** Every version without its vehicle types, items and rules, newest first. */
    List<Catalog> headers();

    /** Stores a new version. @return false when that version number was taken first */
    boolean insert(Catalog catalog);
}
