package cn.jincheng.brigades.station.domain;

/**
 * A brigade as read from the store, with the store's revision: every write to the document raises
 * it, so a write conditioned on it fails when anything changed in between.
 */
public record StoredBrigade(Brigade brigade, long revision) {
}
