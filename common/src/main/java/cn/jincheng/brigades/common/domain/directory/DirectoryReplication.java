package cn.jincheng.brigades.common.domain.directory;

import java.util.Map;

import cn.jincheng.brigades.common.domain.errors.Validator;
import cn.jincheng.brigades.common.domain.identity.AccessPolicy;
import cn.jincheng.brigades.common.domain.identity.Caller;

/** The receiving end of station-service's brigade directory: only station-service may add to the copy. */
public final class DirectoryReplication {

    public static final int MAX_ENTRIES = 5_000;

    private final DirectoryCopy copy;
    private final Runnable afterAdding;

    /** @param afterAdding told after every addition (readiness waits for a first copy) */
    public DirectoryReplication(DirectoryCopy copy, Runnable afterAdding) {
        this.copy = copy;
        this.afterAdding = afterAdding;
    }

    public int replicate(Caller caller, Map<String, String> countyByBrigade) {
        AccessPolicy.requireDirectoryPublisher(caller);
        Validator v = new Validator().check(countyByBrigade.size() <= MAX_ENTRIES, "entries",
                "at most " + MAX_ENTRIES + " per call");
        countyByBrigade.forEach((brigade, county) -> v.notBlank(brigade, "entries.brigadeId").notBlank(county,
                "entries.countyId"));
        v.throwIfInvalid();
        int added = copy.add(countyByBrigade);
        afterAdding.run();
        return added;
    }

    public long size(Caller caller) {
        AccessPolicy.requireDirectoryPublisher(caller);
        return copy.size();
    }
}
