package cn.jincheng.brigades.common.domain.errors;

import java.util.List;

/** The request has wrong fields; all of them are listed. */
public final class ValidationException extends DomainException {

    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        return violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
    }
}
