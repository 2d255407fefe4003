package cn.jincheng.brigades.station.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/** Where brigades live. Implementations write each change together with its audit entry. */
public interface BrigadeRepository {

    Optional<StoredBrigade> find(String id);

    /** Up to {@code limit} brigades matching the query, in id order. */
    List<Brigade> find(BrigadeQuery query, int limit);

    List<Brigade> findAll(Collection<String> ids);

    /** Which of these ids are brigades' already (their ids alone are read). */
    Set<String> existingIds(Collection<String> ids);

    /** Streams every brigade of the county (all when null) to the consumer, in id order. */
    void forEach(String countyId, Consumer<Brigade> consumer);

    /** How many brigades the county has. */
    int countInCounty(String countyId);

    /** How many brigades there are in all. */
    long count();

    /** Every brigade's id and county, for the copies of the directory other services keep. */
    void forEachCounty(BiConsumer<String, String> brigadeAndCounty);

    /**
     * Replaces the stored brigade with {@code after} and records {@code audit}, if and only if the
     * stored revision is still {@code before.revision()}.
     *
     * @return false when something else changed the brigade first (nothing was written)
     */
    boolean replace(StoredBrigade before, Brigade after, AuditEntry audit);

    /** Inserts a brigade unless one with its id exists. @return true when inserted */
    boolean insertIfAbsent(Brigade brigade);

    /**
     * Inserts new brigades with their audit entries, all or none even across a crash (an import).
     *
     * @return the import's id
     */
    String importAll(String actor, List<Brigade> brigades, List<AuditEntry> entries, java.time.Instant at);
}
