package cn.jincheng.brigades.station.domain;

import java.util.function.Function;

import cn.jincheng.brigades.common.domain.audit.AuditEntry;
import cn.jincheng.brigades.common.domain.errors.NotFoundException;
import cn.jincheng.brigades.common.domain.errors.StateConflictException;

/**
 * Read, decide, write-if-unchanged: the one way a brigade is changed. The decision function sees
 * the stored brigade and either refuses (throws) or returns the new state with its audit entry. When
 * another write got in between, the decision is made again on the fresh state, so a rule is always
 * checked against what is really stored and no change is ever lost or merged blindly.
 */
public class BrigadeWriter {

    /** The new state and the audit entry that explains it. */
    public record Change(Brigade after, AuditEntry audit) {
    }

    private static final int MAX_ATTEMPTS = 8;

    private final BrigadeRepository brigades;

    public BrigadeWriter(BrigadeRepository brigades) {
        this.brigades = brigades;
    }

    public Brigade modify(String brigadeId, Function<Brigade, Change> decision) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StoredBrigade stored = brigades.find(brigadeId)
                    .orElseThrow(() -> new NotFoundException("brigade", brigadeId));
            Change change = decision.apply(stored.brigade());
            if (brigades.replace(stored, change.after(), change.audit())) {
                return change.after();
            }
        }
        throw new StateConflictException("brigade '" + brigadeId + "' is being changed by many users at once; try again");
    }
}
