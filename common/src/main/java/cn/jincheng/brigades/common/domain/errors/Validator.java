package cn.jincheng.brigades.common.domain.errors;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every field violation of a request before refusing it, so that the caller learns all
 * of them in one answer.
 */
public final class Validator {

    private final List<FieldViolation> violations = new ArrayList<>();

    public Validator check(boolean valid, String field, String message) {
        if (!valid) {
            violations.add(new FieldViolation(field, message));
        }
        return this;
    }

    public Validator notBlank(String value, String field) {
        return check(value != null && !value.isBlank(), field, "must not be empty");
    }

    public Validator maxLength(String value, int max, String field) {
        return check(value == null || value.codePointCount(0, value.length()) <= max, field,
                "must be at most " + max + " characters");
    }

    public Validator range(double value, double min, double max, String field) {
        return check(Double.isFinite(value) && value >= min && value <= max, field,
                "must be between " + fmt(min) + " and " + fmt(max));
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    /** Throws when anything was wrong; otherwise does nothing. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
