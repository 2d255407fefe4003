package cn.jincheng.brigades.equipment.domain.catalog;

/** The full standard, or the reduced one an ADAPTED brigade meets first. */
public enum Tier {
    FULL, REDUCED
}
