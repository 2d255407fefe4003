package cn.jincheng.brigades.station.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;

/**
 * A brigade repository that refuses every call: a test's fake extends it and answers only the
 * calls the code under test should make, so that any other call fails the test.
 */
public abstract class RefusingBrigadeRepository implements BrigadeRepository {

    private static UnsupportedOperationException notExpected() {
        return new UnsupportedOperationException("not a call this test expects");
    }

    @Override
    public Optional<StoredBrigade> find(String id) {
        throw notExpected();
    }

    @Override
    public List<Brigade> find(BrigadeQuery query, int limit) {
        throw notExpected();
    }

    @Override
    public List<Brigade> findAll(Collection<String> ids) {
        throw notExpected();
    }

    @Override
    public Set<String> existingIds(Collection<String> ids) {
        throw notExpected();
    }

    @Override
    public void forEach(String countyId, Consumer<Brigade> consumer) {
        throw notExpected();
    }

    @Override
    public int countInCounty(String countyId) {
        throw notExpected();
    }

    @Override
    public long count() {
        throw notExpected();
    }

    @Override
    public void forEachCounty(BiConsumer<String, String> brigadeAndCounty) {
        throw notExpected();
    }

    @Override
    public boolean replace(StoredBrigade before, Brigade after, AuditEntry audit) {
        throw notExpected();
    }

    @Override
    public boolean insertIfAbsent(Brigade brigade) {
        throw notExpected();
    }

    @Override
    public String importAll(String actor, List<Brigade> brigades, List<AuditEntry> entries, Instant at) {
        throw notExpected();
    }
}
