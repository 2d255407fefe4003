package cn.jincheng.brigades.common.domain.errors;

/**
 * One wrong field of a request.
 *
 * @param field   the REST spelling of the field path, e.g. {@code housing.floorAreaM2}
 * @param message what is wrong, for a person
 */
public record FieldViolation(String field, String message) {
}
