package cn.jincheng.brigades.station.domain;

import java.time.Instant;

/**
 * One acceptance inspection. Recorded once, never edited or deleted; a later one supersedes it.
 *
 * @param overridden a PASS although the snapshot was not compliant (needs an override reason)
 */
public record Inspection(String id, int year, Stage stage, Result result, String notes, String overrideReason,
        boolean overridden, String inspector, String role, Instant at, Snapshot snapshot) {
}
