package cn.jincheng.brigades.common.domain.compliance;

/**
 * The severity a rule really has: REQUIRED only when its source is the plan or a verified standard,
 * or when the city administrator promoted it with a reason; otherwise ADVISORY, whatever it declares.
 */
public final class RuleStanding {

    /** The longest promotion reason kept. */
    public static final int MAX_REASON = 2000;

    private RuleStanding() {
    }

    /** A REQUIRED rule whose source may not fail a brigade by itself: it needs a promotion reason. */
    public static boolean needsPromotion(Severity declared, SourceStatus status) {
        return declared == Severity.REQUIRED && status != null && !status.mayBeRequired();
    }

    public static boolean promoted(String promotionReason) {
        return promotionReason != null && !promotionReason.isBlank();
    }

    public static Severity effective(Severity declared, SourceStatus status, String promotionReason) {
        return needsPromotion(declared, status) && !promoted(promotionReason) ? Severity.ADVISORY : declared;
    }

    /** Why a catalog with such a rule is refused. */
    public static String refusal(SourceStatus status) {
        return "a REQUIRED rule whose source is " + status
                + " needs the city administrator's promotionReason (only PLAN and STANDARD_VERIFIED rules are REQUIRED by themselves)";
    }
}
