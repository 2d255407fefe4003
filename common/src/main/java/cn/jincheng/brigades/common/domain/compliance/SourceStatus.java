package cn.jincheng.brigades.common.domain.compliance;

/**
 * How sure a rule is of its source, so that no unverified quantity passes for the national
 * standard. Only {@link #PLAN} and {@link #STANDARD_VERIFIED} rules may fail a brigade on their
 * own ({@link #mayBeRequired()}); any other rule is ADVISORY unless the city administrator promotes
 * it, with a reason, in a new version of its catalog.
 */
public enum SourceStatus {
    /** the city's plan text (for Jincheng: 晋市政办〔2019〕24号) */
    PLAN,
    /** a clause of a national or industry standard, verified against the standard's text */
    STANDARD_VERIFIED,
    /** set "by reference" (参考) to a standard, or another source not verified against its text */
    REFERENCE,
    /** a superseded standard, as applied somewhere */
    EARLIER_STANDARD,
    /** a number or category this product chose where the plan gives none */
    PRODUCT_DECISION;

    /** The value stored before source statuses told how sure they are: it was never verified. */
    static final String LEGACY_STANDARD = "STANDARD";

    /** May a rule of this status be REQUIRED without a promotion reason? */
    public boolean mayBeRequired() {
        return this == PLAN || this == STANDARD_VERIFIED;
    }

    /**
     * A status as stored, old values included: {@code STANDARD} (before the statuses said whether a
     * clause was verified; none was) reads as {@link #REFERENCE}. Null stays null.
     */
    public static SourceStatus fromStored(String name) {
        if (name == null) {
            return null;
        }
        return LEGACY_STANDARD.equals(name) ? REFERENCE : valueOf(name);
    }
}
